import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendAudit } from '../core/audit';
import { verifyAuditWithBackups } from './audit-backups';
import { createBackup, isBackupDue, stallGuard } from './backup';
import { createCase } from '../cases/cases';
import { openStore } from '../open';
import { sampleCase, tempDir, tempStore } from '../test-support/temp-store';

const DAY = 86_400_000;
const OPEN_CHILD = join(import.meta.dirname, '..', 'test-support', 'open-child.ts');
const BACKUP_CHILD = join(import.meta.dirname, '..', 'test-support', 'backup-child.ts');
const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

const asRoot = process.getuid?.() === 0;

/** Runs a child in another process, as nobody when the test runs as root (root writes anything). */
function runAsAnotherUser(args: string[]): {
  opened?: boolean;
  done?: boolean;
  name?: string;
  message?: string;
} {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    ...(asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp' } } : {}),
  });
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as ReturnType<typeof runAsAnotherUser>;
}

const openAsAnotherUser = (file: string) => runAsAnotherUser([OPEN_CHILD, file]);

/** A store in a folder the other user owns, with a read-only folder beside it. */
function storeBesideReadOnlyFolder() {
  const temp = tempDir();
  cleanups.push(() => {
    chmodSync(join(temp.dir, 'read-only'), 0o777);
    temp.cleanup();
  });
  const file = join(temp.dir, 'store', 'cases.sqlite');
  const store = openStore({ file, autoBackup: false });
  for (let i = 0; i < 15; i++) createCase(store, sampleCase({ orderId: `O-${i}` }), 'ann');
  // A copy of the live store taken with its WAL, as *.before-restore keeps one.
  store.db.pragma('wal_autocheckpoint = 0');
  createCase(store, sampleCase({ orderId: 'O-wal' }), 'ann');
  const readOnly = join(temp.dir, 'read-only');
  mkdirSync(readOnly);
  copyFileSync(file, join(readOnly, 'copy.sqlite'));
  copyFileSync(`${file}-wal`, join(readOnly, 'copy.sqlite-wal'));
  store.close();
  chmodSync(readOnly, 0o555);
  chmodSync(temp.dir, 0o755);
  if (asRoot) chownTree(join(temp.dir, 'store'), 65534);
  return { file, readOnly };
}

function chownTree(path: string, uid: number): void {
  chownSync(path, uid, uid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), uid);
}

describe('read-only files and stuck backups', () => {
  it('names a read-only store file or folder at open', () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const folder = join(temp.dir, 'data');
    mkdirSync(folder);
    const file = join(folder, 'cases.sqlite');
    openStore({ file, autoBackup: false }).close();
    chmodSync(temp.dir, 0o755);
    chmodSync(folder, 0o777);
    for (const name of readdirSync(folder)) chmodSync(join(folder, name), 0o666);
    chmodSync(file, 0o444);
    expect(openAsAnotherUser(file)).toEqual({
      name: 'StoreReadOnlyError',
      message: `${file} is read-only; the case store needs to write it. Make it writable and try again.`,
    });
    chmodSync(file, 0o666);
    chmodSync(folder, 0o555);
    expect(openAsAnotherUser(file)).toMatchObject({
      name: 'StoreReadOnlyError',
      message: expect.stringContaining(`${folder} is read-only`),
    });
    chmodSync(folder, 0o777);
  });

  it('says which folder is read-only when a backup cannot be written there', () => {
    const { file, readOnly } = storeBesideReadOnlyFolder();
    expect(runAsAnotherUser([BACKUP_CHILD, 'backup', file, readOnly])).toEqual({
      name: 'InvalidInputError',
      message: `${readOnly} is read-only: the backup cannot be written there. Choose a folder you can write to, or make this one writable.`,
    });
  });

  it('says the folder is read-only when a backup with its -wal cannot be read there', () => {
    const { file, readOnly } = storeBesideReadOnlyFolder();
    expect(runAsAnotherUser([BACKUP_CHILD, 'restore', file, join(readOnly, 'copy.sqlite')])).toEqual({
      name: 'InvalidInputError',
      message:
        `${readOnly} is read-only, and ${join(readOnly, 'copy.sqlite')} has a -wal file beside it that SQLite ` +
        'must open for writing to read the backup whole. Copy the backup and its -wal to a folder you can write to, or make this one writable.',
    });
  });

  it('stops a backup that makes no progress instead of spinning', () => {
    vi.useFakeTimers();
    const guard = stallGuard(30_000);
    expect(guard({ remainingPages: 10 })).toBeGreaterThan(0);
    vi.advanceTimersByTime(29_000);
    expect(guard({ remainingPages: 10 })).toBeGreaterThan(0);
    vi.advanceTimersByTime(2_000);
    expect(() => guard({ remainingPages: 10 })).toThrow(/made no progress for 30 s/);
  });

  it('removes the .partial files an interrupted backup left', () => {
    const env = tempStore();
    env.store.close();
    cleanups.push(env.cleanup);
    mkdirSync(env.store.backupDir, { recursive: true });
    const partial = join(env.store.backupDir, 'cases-20260301T000000000Z.sqlite.1234.partial');
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(partial + suffix, 'half');
    openStore({ file: env.file, autoBackup: false }).close();
    expect(readdirSync(env.store.backupDir)).toEqual([]);
  });
});

describe('dates in the future', () => {
  it('a backup stamped in the future does not stop the daily backups, and is reported', async () => {
    const env = tempStore();
    cleanups.push(env.cleanup);
    createCase(env.store, sampleCase(), 'ann');
    mkdirSync(env.store.backupDir, { recursive: true });
    writeFileSync(join(env.store.backupDir, 'cases-20990101T000000000Z.sqlite'), 'planted');
    expect(isBackupDue(env.store.backupDir, env.clock.now())).toBe(true);
    await createBackup(env.store);
    expect(isBackupDue(env.store.backupDir, env.clock.now())).toBe(false);
    expect(isBackupDue(env.store.backupDir, env.clock.now() + 2 * DAY)).toBe(true);
    expect(verifyAuditWithBackups(env.store).problems).toContain(
      `the backup ${join(env.store.backupDir, 'cases-20990101T000000000Z.sqlite')} is dated in the future; it is not trusted`,
    );
  });

  it('a forged store.restore row dated 2099 does not switch off the check against the newest backup', async () => {
    const env = tempStore();
    cleanups.push(env.cleanup);
    for (let i = 0; i < 5; i++) createCase(env.store, sampleCase(), 'ann');
    await createBackup(env.store);
    // Someone with sqlite3 cuts the last rows and appends a forged restore row, re-hashed.
    env.clock.set(Date.parse('2099-01-01T00:00:00Z'));
    env.store.db.exec('DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq >= 4');
    env.store.write(() =>
      appendAudit(env.store, { caseRef: null, action: 'store.restore', actor: 'mallory', detail: {} }),
    );
    env.clock.set(Date.parse('2026-03-03T00:00:00Z'));
    const verification = verifyAuditWithBackups(env.store);
    expect(verification.ok).toBe(false);
    expect(verification.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/audit row 4 is dated 2099-01-01T00:00:00.000Z, in the future/),
        expect.stringMatching(/audit row 4 of the backup .* is missing or different/),
      ]),
    );
  });
});
