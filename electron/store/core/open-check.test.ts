import Database from 'better-sqlite3';
import { closeSync, openSync, statSync, utimesSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../cases';
import { createBackup } from '../integrity';
import { openStore } from '../open';
import { manualClock, sampleCase, tempDir } from '../test-support/temp-store';
import { join } from 'node:path';

const DAY = 86_400_000;
let cleanup = () => {};
afterEach(() => cleanup());

/** A closed store of 300 cases, and a page of its cases table that open itself never reads. */
function storeWithCasePage() {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const file = join(temp.dir, 'cases.sqlite');
  const clock = manualClock();
  const store = openStore({ file, now: clock.now, autoBackup: false });
  for (let i = 0; i < 300; i++) createCase(store, sampleCase({ orderId: `O-${i}` }), 'ann');
  store.close();
  const raw = new Database(file, { readonly: true });
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const page = raw
    .prepare(
      "SELECT pageno FROM dbstat WHERE name = 'cases' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3",
    )
    .pluck()
    .get() as number;
  raw.close();
  /** Overwrites the page's cells (past its header) as a failing disk would: size and time unchanged. */
  const damage = () => {
    const { atime, mtime } = statSync(file);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize - 100, 0x5a), 0, pageSize - 100, (page - 1) * pageSize + 100);
    closeSync(fd);
    utimesSync(file, atime, mtime);
  };
  const open = () => openStore({ file, now: clock.now, autoBackup: false });
  return { file, clock, damage, open };
}

describe('the check at open', () => {
  it('is cheap after a clean close within a day, and full once a day', () => {
    const env = storeWithCasePage();
    env.open().close(); // the first open checks fully
    env.damage();
    const cheap = env.open();
    expect(cheap.damage).toBeNull();
    cheap.close();
    env.clock.advance(DAY + 1);
    const daily = env.open();
    expect(daily.damage?.message).toMatch(/damaged/);
    daily.close();
  });

  it('is full when the file changed since the console closed it', () => {
    const env = storeWithCasePage();
    env.open().close();
    env.damage();
    const { atime } = statSync(env.file);
    utimesSync(env.file, atime, new Date()); // written by something else
    const next = env.open();
    expect(next.damage?.message).toMatch(/damaged/);
    next.close();
  });

  it('is full after an unclean close', () => {
    const env = storeWithCasePage();
    env.open().close();
    const killed = env.open();
    // As a process killed now would leave it: the lock goes with the process, the marker stays.
    killed.detach();
    killed.anchors?.close();
    (killed as unknown as { lock: { release(): void } }).lock.release();
    env.damage();
    const next = env.open();
    expect(next.damage?.message).toMatch(/damaged/);
    next.close();
  });

  it('counts a backup as the day’s full check', async () => {
    const env = storeWithCasePage();
    env.clock.advance(DAY - 60_000);
    const store = env.open();
    await createBackup(store);
    store.close();
    env.clock.advance(2 * 60_000);
    env.damage();
    const next = env.open();
    expect(next.damage).toBeNull();
    next.close();
  });
});
