import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createCase, openStore } from '../../electron/store';
import { sampleCase, tempDir } from '../../electron/store/test-support/temp-store';
import {
  PG_MISSING_MESSAGE,
  findPgBin,
  startPgCluster,
  type PgCluster,
} from '../../electron/team/test-support/pg-cluster';
import { main } from '../refund-console';
import { memoryIo } from '../test-support/memory-io';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping refund-console sync against a real server: ${PG_MISSING_MESSAGE}`);

const run = async (args: string[]) => {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
};

describe.skipIf(!hasPostgres)('refund-console sync', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
    expect((await run(['server', 'init', '--url', cluster.url])).code).toBe(0);
  }, 60_000);
  afterAll(() => cluster?.destroy());

  it("joins two stores to a team and brings each the other one's cases", async () => {
    const dir = tempDir();
    const a = { file: join(dir.dir, 'a', 'cases.sqlite') };
    const b = { file: join(dir.dir, 'b', 'cases.sqlite') };
    try {
      for (const [desk, orderId] of [
        [a, 'O-from-a'],
        [b, 'O-from-b'],
      ] as const) {
        const store = openStore({ file: desk.file, autoBackup: false });
        createCase(store, sampleCase({ orderId }), 'mei');
        store.close();
      }
      const notJoined = await run(['--db', a.file, 'sync', '--url', cluster.url]);
      expect(notJoined.code).toBe(2);
      expect(notJoined.err).toMatch(/not in a team yet: run `sync --join` once/);
      const first = await run(['--db', a.file, 'sync', '--join', '--url', cluster.url]);
      expect(first.err).toBe('');
      expect(JSON.parse(first.out)).toMatchObject({ pushed: 1, applied: 0, waiting: 0 });
      expect(
        JSON.parse((await run(['--db', b.file, 'sync', '--join', '--url', cluster.url])).out),
      ).toMatchObject({
        pushed: 1,
        applied: 1,
      });
      expect(JSON.parse((await run(['--db', a.file, 'sync', '--url', cluster.url])).out)).toMatchObject({
        pushed: 0,
        applied: 1,
      });
      for (const desk of [a, b]) {
        const store = openStore({ file: desk.file, autoBackup: false });
        const orders = store.db.prepare('SELECT order_id FROM cases ORDER BY order_id').pluck().all();
        store.close();
        expect(orders).toEqual(['O-from-a', 'O-from-b']);
      }
    } finally {
      dir.cleanup();
    }
  });
});
