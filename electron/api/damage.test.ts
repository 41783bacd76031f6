import { openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, createCase, openStore } from '../store';
import { sampleCase, START, tempDir } from '../store/test-support/temp-store';
import { createHandlers } from './handlers';

let cleanup = () => {};
afterEach(() => cleanup());

describe('damage met at a read, not at open', () => {
  it('is named with the backup to restore, for reads and for the writes after them', async () => {
    const temp = tempDir();
    const file = join(temp.dir, 'cases.sqlite');
    const first = openStore({ file, autoBackup: false, now: () => START });
    for (let i = 0; i < 300; i++) createCase(first, sampleCase({ orderId: `O-${i}` }), 'ann');
    const backup = await createBackup(first);
    first.close();
    const store = openStore({ file, autoBackup: false, now: () => START });
    cleanup = () => {
      store.close();
      temp.cleanup();
    };
    expect(store.damage).toBeNull();
    // Pages go bad under the open store (a failing disk): the next reads meet them.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 6, 0x5a), 0, 4096 * 6, 4096 * 4);
    closeSync(fd);
    const handlers = createHandlers(store);

    const read = await handlers['cases.list']({ status: ['open'], sort: 'deadline', limit: 500 });
    expect(read).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect(!read.ok && read.error.message).toMatch(new RegExp(`is damaged .*restore ${backup.file}`));
    const write = await handlers['cases.create'](sampleCase());
    expect(!write.ok && write.error.message).toMatch(new RegExp(`is damaged .*restore ${backup.file}`));
    expect(await handlers['store.status']({})).toMatchObject({ ok: true, value: { damaged: true } });
  });
});
