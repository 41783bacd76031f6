import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createCase, openStore, recordDecision } from '../../electron/store';
import { connectTeamServer, setApprovalThreshold } from '../../electron/team';
import { START, sampleCase, tempDir } from '../../electron/store/test-support/temp-store';
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
  /** The URL as --url takes it: no password (REFUND_TEAM_PASSWORD gives it). */
  let url: string;
  const saved = process.env.REFUND_TEAM_PASSWORD;
  beforeAll(async () => {
    cluster = await startPgCluster();
    url = cluster.url.replace(/\/\/team:[^@]+@/, '//team@');
    process.env.REFUND_TEAM_PASSWORD = decodeURIComponent(new URL(cluster.url).password);
    expect((await run(['server', 'init', '--url', url])).code).toBe(0);
  }, 60_000);
  afterAll(() => {
    if (saved === undefined) delete process.env.REFUND_TEAM_PASSWORD;
    else process.env.REFUND_TEAM_PASSWORD = saved;
    cluster?.destroy();
  });

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
      const notJoined = await run(['--db', a.file, 'sync', '--url', url]);
      expect(notJoined.code).toBe(2);
      expect(notJoined.err).toMatch(/not in a team yet: run `sync --join` once/);
      const first = await run(['--db', a.file, 'sync', '--join', '--url', url]);
      expect(first.err).toBe('');
      expect(JSON.parse(first.out)).toMatchObject({ pushed: 1, applied: 0, waiting: 0 });
      expect(JSON.parse((await run(['--db', b.file, 'sync', '--join', '--url', url])).out)).toMatchObject({
        pushed: 1,
        applied: 1,
      });
      expect(JSON.parse((await run(['--db', a.file, 'sync', '--url', url])).out)).toMatchObject({
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

  it('lists a change the server refused in the sync summary and team status, and syncs the rest', async () => {
    const dir = tempDir();
    const file = join(dir.dir, 'c', 'cases.sqlite');
    const admin = await connectTeamServer(cluster.url);
    try {
      // In the order's refund window, so the rules refund it in full (above the threshold).
      const store = openStore({ file, autoBackup: false, now: () => START });
      const ref = createCase(store, sampleCase({ orderId: 'O-STALE' }), 'mei').detail.summary.ref;
      store.close();
      expect((await run(['--db', file, 'sync', '--join', '--url', url])).code).toBe(0);
      const later = openStore({ file, autoBackup: false, now: () => START });
      recordDecision(later, { ref, agent: 'mei' }); // counts: no threshold known here yet
      createCase(later, sampleCase({ orderId: 'O-NEXT' }), 'mei');
      later.close();
      await setApprovalThreshold(admin, 'CNY', 100);
      const round = await run(['--db', file, 'sync', '--url', url]);
      expect(round.code).toBe(0);
      const summary = JSON.parse(round.out);
      expect(summary).toMatchObject({
        pushed: 1,
        waiting: 0,
        parked: [{ kind: 'decision.record', ref, reason: expect.stringMatching(/threshold/) }],
      });
      const status = await run(['--db', file, 'team', 'status']);
      expect(status.out).toContain('1 changes refused by the server');
      expect(status.out).toContain(summary.parked[0].eventId);
      expect((await run(['--db', file, 'team', 'withdraw', summary.parked[0].eventId])).code).toBe(0);
      expect(JSON.parse((await run(['--db', file, 'team', 'status', '--json'])).out).parked).toEqual([]);
      expect((await run(['--db', file, 'team', 'redo', 'no-such-event'])).err).toMatch(
        /no parked team event/,
      );
    } finally {
      await setApprovalThreshold(admin, 'CNY', null);
      await admin.close();
      dir.cleanup();
    }
  });
});
