import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../api';
import { NewerDatabaseError, StoreDamagedError } from './core/errors';
import { LATEST_VERSION } from './core/migrations';
import { openStore } from './open';
import { sampleCase, tempDir } from './test-support/temp-store';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
function folder() {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openStore', () => {
  it('creates the file with WAL, FULL sync, foreign keys and the latest schema', () => {
    const store = openStore({ file: join(folder(), 'nested', 'cases.sqlite'), autoBackup: false });
    cleanups.unshift(() => store.close());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('refuses a newer database and leaves its bytes exactly as they were', () => {
    const file = join(folder(), 'cases.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE something_new (x); INSERT INTO something_new VALUES (1)');
    future.pragma(`user_version = ${LATEST_VERSION + 1}`);
    future.close();
    const before = sha256(file);
    expect(() => openStore({ file })).toThrow(NewerDatabaseError);
    expect(() => openStore({ file })).toThrow(/newer than this app understands/);
    expect(sha256(file)).toBe(before);
    expect(existsSync(join(file, '..', 'backups'))).toBe(false);
  });

  it('opens a damaged file read-only: writes refused, message names the newest good backup', async () => {
    const dir = folder();
    const file = join(dir, 'cases.sqlite');
    const good = openStore({ file, now: () => Date.parse('2026-03-01T00:00:00Z') });
    await good.autoBackup;
    const handlers = createHandlers(good);
    for (let i = 0; i < 200; i++) await handlers['cases.create'](sampleCase({ orderId: `O-${i}` }));
    good.close();

    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6); // scribble over pages 4 to 6
    writeFileSync(file, bytes);
    const before = sha256(file);

    const damaged = openStore({ file });
    cleanups.unshift(() => damaged.close());
    expect(damaged.damage).toBeInstanceOf(StoreDamagedError);
    const result = await createHandlers(damaged)['cases.create'](sampleCase());
    expect(result).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect(!result.ok && result.error.message).toContain(
      `restore ${join(dir, 'backups', 'cases-20260301T000000000Z.sqlite')}`,
    );
    damaged.close();
    expect(sha256(file)).toBe(before);
  });

  it('treats a file that is not a database as damaged and never replaces it', () => {
    const file = join(folder(), 'cases.sqlite');
    writeFileSync(file, 'these are not the cases you are looking for'.repeat(200));
    const before = sha256(file);
    const store = openStore({ file });
    expect(store.damage?.message).toMatch(/is damaged .*No good backup was found/);
    store.close();
    expect(sha256(file)).toBe(before);
  });
});

describe('the damaged-store message', () => {
  it('is one line even when SQLite reports the damage over several', () => {
    const error = new StoreDamagedError(
      '/data/cases.sqlite',
      '*** in database main ***\nTree 21 page 21 cell 9: Offset 1909 out of range 3761..4092',
      '/data/backups/cases-1.sqlite',
    );
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/is damaged \(\*\*\* in database main \*\*\* Tree 21 page 21 .* restore /);
  });
});
