import type Database from 'better-sqlite3';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { type LockHolder, StoreLockedError } from './errors';
import { openDatabase } from './sqlite';

export const lockFileOf = (storeFile: string) => `${storeFile}.lock`;
const holderFileOf = (storeFile: string) => `${storeFile}.lock.json`;

/**
 * One process owns a store at a time. Node has no flock, so the lock is a tiny SQLite
 * database beside the store written once in EXCLUSIVE locking mode: SQLite then keeps its
 * fcntl write lock until the connection closes, and the kernel drops it when the process
 * dies, so a crashed owner never leaves a stale lock. SQLite also shares lock state between
 * connections of one process, so a second open in the same process is refused too.
 * Who holds it goes to a JSON file beside it, since the locked database cannot be read.
 */
export class StoreLock {
  private constructor(private db: Database.Database | null) {}

  static acquire(storeFile: string, now: number): StoreLock {
    // A short wait: an owner that is just closing lets go within milliseconds.
    const db = openDatabase(lockFileOf(storeFile), { timeout: 250 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = DELETE');
      // What the lock file holds does not matter, only that it is held: no fsyncs at open.
      db.pragma('synchronous = OFF');
      db.exec('CREATE TABLE IF NOT EXISTS owner (taken_at INTEGER NOT NULL)');
      db.prepare('DELETE FROM owner').run();
      db.prepare('INSERT INTO owner (taken_at) VALUES (?)').run(now);
    } catch (error) {
      db.close();
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
        throw new StoreLockedError(storeFile, readHolder(storeFile));
      }
      throw error;
    }
    const holder: LockHolder = {
      pid: process.pid,
      command: process.argv.slice(1).join(' ') || process.argv0,
      host: hostname(),
      since: new Date(now).toISOString(),
    };
    const temp = `${holderFileOf(storeFile)}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(holder)}\n`);
    renameSync(temp, holderFileOf(storeFile));
    return new StoreLock(db);
  }

  release(): void {
    if (this.db?.open) this.db.close();
    this.db = null;
  }
}

function readHolder(storeFile: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(holderFileOf(storeFile), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}
