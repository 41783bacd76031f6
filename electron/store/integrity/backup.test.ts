import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../core/audit';
import type { BackupInfo } from '../../../shared/model/settings';
import { createBackup, listBackups, rotate } from './backup';
import { getCase } from '../cases/case-detail';
import { createCase } from '../cases/cases';
import { restoreBackup } from './restore';
import { openStore } from '../open';
import { damagedStoreFile, sampleCase, tempDir, tempStore } from '../test-support/temp-store';

const DAY = 86_400_000;
let cleanup = () => {};
afterEach(() => cleanup());

describe('backups', () => {
  it('backs up at open when the newest backup is over a day old', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'cases.sqlite');
    let now = Date.parse('2026-03-02T08:00:00Z');
    const open = async () => {
      const store = openStore({ file, now: () => now });
      await store.autoBackup;
      store.close();
      return listBackups(join(temp.dir, 'backups')).length;
    };
    expect(await open()).toBe(1);
    now += DAY / 2;
    expect(await open()).toBe(1);
    now += DAY;
    expect(await open()).toBe(2);
  });

  it('keeps the newest of each of the last 7 days and of the last 4 weeks', () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const start = Date.parse('2026-01-01T12:00:00Z');
    for (let day = 0; day < 60; day++) {
      for (const hour of [0, 5]) {
        const stamp = new Date(start + day * DAY + hour * 3_600_000).toISOString().replace(/[-:.]/g, '');
        writeFileSync(join(temp.dir, `cases-${stamp}.sqlite`), '');
      }
    }
    writeFileSync(join(temp.dir, 'notes.txt'), 'not a backup');
    rotate(temp.dir);
    const kept = listBackups(temp.dir).map((b) => b.createdAt.slice(0, 13));
    expect(kept.slice(0, 7)).toEqual(
      [59, 58, 57, 56, 55, 54, 53].map((day) =>
        new Date(start + day * DAY + 5 * 3_600_000).toISOString().slice(0, 13),
      ),
    );
    expect(kept).toHaveLength(10); // 7 days; the newest 2 weeks among them, plus 3 older weeks' newest
    expect(readdirSync(temp.dir)).toContain('notes.txt');
  });

  it('keeps the day’s automatic backup when one is taken by hand the same day, and 10 by hand', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'cases.sqlite');
    let now = Date.parse('2026-03-02T08:00:00Z');
    const store = openStore({ file, now: () => now });
    const daily = (await store.autoBackup) as BackupInfo;
    const byHand: BackupInfo[] = [];
    for (let i = 0; i < 12; i++) {
      now += 60_000;
      byHand.push(await createBackup(store));
    }
    store.close();
    const kept = listBackups(join(temp.dir, 'backups'));
    expect(kept.map((backup) => backup.kind)).toEqual([...Array(10).fill('manual'), 'automatic']);
    expect(kept.at(-1)!.file).toBe(daily.file);
    expect(kept.slice(0, 10).map((backup) => backup.file)).toEqual(
      byHand
        .slice(2)
        .map((backup) => backup.file)
        .reverse(),
    );
  });

  it('restores a verified backup, keeping the replaced file, and audits the restore', async () => {
    const env = tempStore();
    cleanup = env.cleanup;
    createCase(env.store, sampleCase({ orderId: 'O-before' }), 'ann');
    const backup = await createBackup(env.store);
    // One self-contained file: no WAL or shared-memory file left beside it.
    expect(readdirSync(env.store.backupDir)).toEqual([basename(backup.file)]);
    env.clock.advance(60_000);
    createCase(env.store, sampleCase({ orderId: 'O-after' }), 'ann');

    const kept = restoreBackup(env.store, backup.file, 'ann');
    expect(existsSync(kept)).toBe(true);
    expect(getCase(env.store, 'RC-000001').summary.orderId).toBe('O-before');
    expect(() => getCase(env.store, 'RC-000002')).toThrow(/no case/);
    expect(verifyAudit(env.store)).toMatchObject({ ok: true, rows: 2 });

    const old = openStore({ file: kept, autoBackup: false });
    expect(getCase(old, 'RC-000002').summary.orderId).toBe('O-after');
    old.close();
  });

  it('brings a damaged store back from the backup its message names', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const file = await damagedStoreFile(temp.dir);

    const damaged = openStore({ file });
    const named = /restore (\S+\.sqlite)/.exec(damaged.damage!.message)![1]!;
    restoreBackup(damaged, named, 'ann');
    expect(damaged.damage).toBeNull();
    expect(getCase(damaged, 'RC-000300').summary.orderId).toBe('O-299');
    createCase(damaged, sampleCase(), 'ann');
    expect(verifyAudit(damaged)).toMatchObject({ ok: true, rows: 302 });
    damaged.close();
  });

  it('refuses to restore a damaged or missing backup and changes nothing', () => {
    const env = tempStore();
    cleanup = env.cleanup;
    createCase(env.store, sampleCase(), 'ann');
    const bogus = join(env.dir, 'bogus.sqlite');
    writeFileSync(bogus, 'x'.repeat(5000));
    expect(() => restoreBackup(env.store, bogus, 'ann')).toThrow(/is not a good backup/);
    expect(() => restoreBackup(env.store, join(env.dir, 'missing.sqlite'), 'ann')).toThrow(/no such file/);
    expect(getCase(env.store, 'RC-000001').summary.ref).toBe('RC-000001');
  });
});
