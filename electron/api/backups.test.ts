import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store';
import { damagedStoreFile, sampleCase, START, tempDir } from '../store/test-support/temp-store';
import { createHandlers } from './handlers';

const DAY = 86_400_000;
let cleanup = () => {};
afterEach(() => cleanup());

async function damagedStoreWithBackup() {
  const temp = tempDir();
  const store = openStore({ file: await damagedStoreFile(temp.dir), now: () => START + 2 * DAY });
  cleanup = () => {
    store.close();
    temp.cleanup();
  };
  return { store, handlers: createHandlers(store), dir: temp.dir };
}

describe('store health and restore through the API', () => {
  it('reports the damage and the backup to restore, then restores it', async () => {
    const { handlers } = await damagedStoreWithBackup();
    const status = await handlers['store.status']({});
    expect(status).toMatchObject({ ok: true, value: { damaged: true } });
    const backup = status.ok ? status.value.newestGoodBackup : null;
    expect(backup).toMatch(/cases-.*\.sqlite$/);
    expect(await handlers['cases.create'](sampleCase())).toMatchObject({
      ok: false,
      error: { code: 'store_unavailable' },
    });

    const restored = await handlers['backups.restore']({ file: backup!, agent: 'ann' });
    expect(restored).toMatchObject({ ok: true, value: { restored: backup } });
    expect(await handlers['store.status']({})).toMatchObject({
      ok: true,
      value: { damaged: false, problem: null },
    });
    expect(await handlers['cases.get']({ ref: 'RC-000300' })).toMatchObject({ ok: true });
    expect(await handlers['cases.create'](sampleCase())).toMatchObject({ ok: true });
  });

  it('restores only a file from the store’s own backups', async () => {
    const { handlers, dir } = await damagedStoreWithBackup();
    const elsewhere = join(dir, 'cases.sqlite');
    expect(await handlers['backups.restore']({ file: elsewhere, agent: 'ann' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('is not one of this store') },
    });
    expect(await handlers['store.status']({})).toMatchObject({ ok: true, value: { damaged: true } });
  });
});
