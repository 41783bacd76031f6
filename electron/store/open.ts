import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createBackup, isBackupDue, newestGoodBackup } from './backup';
import { connect, inspect, refuseNewer } from './connection';
import { StoreDamagedError } from './errors';
import { openDatabase } from './sqlite';
import { CaseStore } from './store';

export interface OpenOptions {
  file: string;
  /** The clock every stored instant comes from; tests pass a fixed one. */
  now?: () => number;
  /** Where backups go; `<folder of file>/backups` unless told. */
  backupDir?: string;
  /** Set false to skip the daily backup at open (benchmarks). */
  autoBackup?: boolean;
}

/**
 * Opens (or creates) the case store, synchronously, so a host can build its handler table
 * right away. When the newest backup is over a day old, one is started in the background;
 * `store.autoBackup` settles when it is done (null when none was due or it failed, logged).
 * A newer file throws NewerDatabaseError untouched. A
 * damaged file is opened read-only with `damage` set: reads may still work, every write
 * throws StoreDamagedError naming the newest good backup, and the file is never replaced
 * except by an explicit restore.
 */
export function openStore(options: OpenOptions): CaseStore {
  const file = resolve(options.file);
  const now = options.now ?? Date.now;
  const backupDir = resolve(options.backupDir ?? join(dirname(file), 'backups'));
  const inspection = inspect(file);
  refuseNewer(file, inspection);
  if (inspection.kind === 'damaged') {
    const damage = new StoreDamagedError(file, inspection.problem, newestGoodBackup(backupDir));
    let readOnly: Database.Database;
    try {
      readOnly = openDatabase(file, { readonly: true, fileMustExist: true });
    } catch {
      throw damage;
    }
    return new CaseStore(readOnly, file, backupDir, now, damage);
  }
  mkdirSync(dirname(file), { recursive: true });
  const store = new CaseStore(connect(file), file, backupDir, now, null);
  if (options.autoBackup !== false && isBackupDue(backupDir, now())) {
    store.autoBackup = createBackup(store).catch((error: unknown) => {
      console.error('refund-console: the automatic backup failed', error);
      return null;
    });
  }
  return store;
}
