import { copyFileSync, existsSync, readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditWithBackups } from './audit-backups';
import { createBackup } from './backup';
import { getCase } from '../cases/case-detail';
import { createCase } from '../cases/cases';
import { StoreMissingError } from '../core/errors';
import { openStore } from '../open';
import { restoreBackup } from './restore';
import { sampleCase, tempDir, tempStore } from '../test-support/temp-store';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const countCases = (store: ReturnType<typeof openStore>) =>
  store.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;

describe('restore', () => {
  it('copies a backup together with its WAL, so nothing the WAL held is lost', () => {
    const env = tempStore();
    cleanups.push(env.cleanup);
    createCase(env.store, sampleCase(), 'ann');
    // A copy of a live store taken with its WAL, as *.before-restore keeps one.
    const source = tempStore();
    cleanups.push(source.cleanup);
    source.store.db.pragma('wal_autocheckpoint = 0');
    for (let i = 0; i < 15; i++) createCase(source.store, sampleCase({ orderId: `O-wal-${i}` }), 'bob');
    const withWal = join(env.dir, 'copy.sqlite');
    copyFileSync(source.file, withWal);
    copyFileSync(`${source.file}-wal`, `${withWal}-wal`);

    restoreBackup(env.store, withWal, 'ann');
    expect(countCases(env.store)).toBe(15);
    expect(getCase(env.store, 'RC-000015').summary.orderId).toBe('O-wal-14');
  });

  it('keeps the replaced file complete beside the restored one', async () => {
    const env = tempStore();
    cleanups.push(env.cleanup);
    createCase(env.store, sampleCase(), 'ann');
    const backup = await createBackup(env.store);
    createCase(env.store, sampleCase(), 'ann');
    const kept = restoreBackup(env.store, backup.file, 'ann');
    expect(existsSync(`${kept}-wal`)).toBe(false);
    expect(countCases(env.store)).toBe(1);
    env.store.close();
    const old = openStore({ file: kept, autoBackup: false, newStore: true });
    expect(countCases(old)).toBe(2);
    old.close();
    const reopened = openStore({ file: env.file, autoBackup: false, now: env.clock.now });
    expect(verifyAuditWithBackups(reopened)).toMatchObject({ ok: true, problems: [] });
    reopened.close();
  });
});

describe('restoring a damaged store', () => {
  it('records the restore in the anchor file, so heads the old file reached do not count against it', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'cases.sqlite');
    const first = openStore({ file, autoBackup: false });
    for (let i = 0; i < 5; i++) createCase(first, sampleCase(), 'ann');
    const backup = await createBackup(first);
    for (let i = 0; i < 3; i++) createCase(first, sampleCase(), 'ann');
    first.close();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(file, bytes);

    const damaged = openStore({ file, autoBackup: false });
    expect(damaged.damage).not.toBeNull();
    restoreBackup(damaged, backup.file, 'ann');
    expect(verifyAuditWithBackups(damaged)).toMatchObject({ ok: true, rows: 6, problems: [] });
    damaged.close();
  });
});

describe('a missing or empty store', () => {
  async function storeWithBackup() {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'cases.sqlite');
    const store = openStore({ file, autoBackup: false });
    createCase(store, sampleCase(), 'ann');
    const backup = await createBackup(store);
    store.close();
    return { file, backup: backup.file };
  }

  it('is refused beside its backups, naming the backup to restore', async () => {
    const { file, backup } = await storeWithBackup();
    unlinkSync(file);
    expect(() => openStore({ file, autoBackup: false })).toThrow(StoreMissingError);
    expect(() => openStore({ file, autoBackup: false })).toThrow(`is missing`);
    expect(() => openStore({ file, autoBackup: false })).toThrow(`restore ${backup}`);
    expect(existsSync(file)).toBe(false);
  });

  it('is refused when truncated to 0 bytes, and RC-000001 is never issued twice', async () => {
    const { file } = await storeWithBackup();
    truncateSync(file, 0);
    expect(() => openStore({ file, autoBackup: false })).toThrow(/is empty/);
  });

  it('is refused when only its anchor file is left', async () => {
    const { file } = await storeWithBackup();
    unlinkSync(file);
    // Backups looked for in an empty folder: the anchor file alone tells a store was here.
    expect(() => openStore({ file, autoBackup: false, backupDir: join(file, '..', 'elsewhere') })).toThrow(
      /is missing, but backups or audit anchors of it exist/,
    );
  });

  it('is created new where nothing of an old store is found, or when asked', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const fresh = openStore({ file: join(temp.dir, 'new.sqlite'), autoBackup: false });
    expect(countCases(fresh)).toBe(0);
    fresh.close();
    const { file } = await storeWithBackup();
    unlinkSync(file);
    const started = openStore({ file, autoBackup: false, newStore: true });
    expect(countCases(started)).toBe(0);
    started.close();
  });
});
