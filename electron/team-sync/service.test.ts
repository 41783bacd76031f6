import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCase, joinTeam, recordDecision, setTeamServerSetting } from '../store';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import { connectTeamServer, initTeamSchema, setApprovalThreshold, type TeamServer } from '../team';
import {
  PG_MISSING_MESSAGE,
  findPgBin,
  startPgCluster,
  type PgCluster,
} from '../team/test-support/pg-cluster';
import { nextDelay } from './backoff';
import { createTeamSync, type TeamSync } from './service';
import { keeperOf, splitUrl } from './test-support/login';

describe('the wait between rounds', () => {
  const schedule = { intervalMs: 30_000, firstBackoffMs: 5_000, maxBackoffMs: 60_000 };
  it('is the interval while the server answers, doubling from the first backoff while it does not, capped', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((failures) => nextDelay(schedule, failures))).toEqual([
      30_000, 5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000,
    ]);
  });
});

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the background sync tests: ${PG_MISSING_MESSAGE}`);

describe.skipIf(!hasPostgres)('background sync against a real team server', () => {
  let cluster: PgCluster;
  let desk: ReturnType<typeof tempStore>;
  let service: TeamSync | undefined;
  const connects: number[] = [];
  let open = 0;
  let mostOpen = 0;

  beforeAll(async () => {
    cluster = await startPgCluster();
    const admin = await connectTeamServer(cluster.url);
    await initTeamSchema(admin);
    await admin.close();
  }, 60_000);
  afterAll(() => cluster?.destroy());

  beforeEach(() => {
    desk = tempStore();
    joinTeam(desk.store, 'mei');
    const { address, credentials } = splitUrl(cluster.url);
    setTeamServerSetting(desk.store, { url: address, login: credentials.login }, 'mei');
    connects.length = 0;
    open = 0;
    mostOpen = 0;
  });
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    desk.cleanup();
  });

  /** The real connection, counted: when each round asked, and how many were open at once. */
  const countedConnect = async (url: string): Promise<TeamServer> => {
    connects.push(performance.now());
    open++;
    mostOpen = Math.max(mostOpen, open);
    try {
      const server = await connectTeamServer(url);
      return { ...server, close: () => server.close().finally(() => open--) };
    } catch (error) {
      open--;
      throw error;
    }
  };

  const make = (schedule = { intervalMs: 60_000, firstBackoffMs: 60_000, maxBackoffMs: 60_000 }) =>
    (service = createTeamSync({
      store: desk.store,
      credentials: keeperOf(splitUrl(cluster.url).credentials),
      connect: countedConnect,
      schedule,
    }));

  it('pushes what waits and reports online, the last sync and nothing waiting', async () => {
    const sync = make();
    createCase(desk.store, sampleCase(), 'mei');
    const before = sync.status();
    expect(before).toMatchObject({ configured: true, online: null, waiting: 1, lastSyncAt: null });
    const after = await sync.syncNow();
    expect(after).toMatchObject({ online: true, waiting: 0, syncing: false, lastError: null });
    expect(Date.parse(after.lastSyncAt!)).toBeGreaterThan(0);
  });

  it('lists a change the server refused in its status and keeps syncing the rest', async () => {
    const sync = make();
    const ref = createCase(desk.store, sampleCase(), 'mei').detail.summary.ref;
    await sync.syncNow();
    recordDecision(desk.store, { ref, agent: 'mei' }); // counts here: no threshold known yet
    createCase(desk.store, sampleCase({ orderId: 'O-NEXT' }), 'mei');
    const admin = await connectTeamServer(cluster.url);
    try {
      await setApprovalThreshold(admin, 'CNY', 100);
      const after = await sync.syncNow();
      expect(after).toMatchObject({ online: true, waiting: 0, lastError: null });
      expect(after.refused).toEqual([
        expect.objectContaining({ ref, kind: 'decision.record', reason: expect.stringMatching(/threshold/) }),
      ]);
    } finally {
      await setApprovalThreshold(admin, 'CNY', null);
      await admin.close();
    }
  });

  it('never runs two rounds at once: asking while one runs joins it', async () => {
    const sync = make();
    createCase(desk.store, sampleCase(), 'mei');
    const rounds = [sync.syncNow(), sync.syncNow(), sync.syncNow()];
    expect(sync.status().syncing).toBe(true);
    const answers = await Promise.all(rounds);
    expect(connects).toHaveLength(1);
    expect(mostOpen).toBe(1);
    expect(answers.map((answer) => answer.waiting)).toEqual([0, 0, 0]);
    await sync.syncNow();
    expect(connects).toHaveLength(2);
  });

  it('backs off while the server is down, doubling the wait, and comes back to the interval', async () => {
    cluster.stop();
    try {
      const sync = make({ intervalMs: 10, firstBackoffMs: 80, maxBackoffMs: 320 });
      sync.start();
      await until(() => connects.length >= 5, 10_000);
      const status = sync.status();
      expect(status.online).toBe(false);
      expect(status.lastError).toMatch(/ECONNREFUSED|connect/);
      const gaps = connects.slice(1, 5).map((at, index) => at - connects[index]!);
      // A timer never fires early: each wait is at least the backoff, which an interval of 10 ms is not.
      for (const [index, least] of [80, 160, 320, 320].entries())
        expect(gaps[index]).toBeGreaterThanOrEqual(least - 2);
    } finally {
      cluster.start();
    }
    // A round the timer began while the server was still down ends offline; Sync now would join
    // it. Every round begun from here on finds the server up.
    await until(() => !service!.status().syncing, 10_000);
    const back = await service!.syncNow();
    expect(back.online).toBe(true);
    const next = Date.parse(back.nextAttemptAt!) - Date.now();
    expect(next).toBeLessThanOrEqual(10);
  }, 30_000);

  it('says a password is missing rather than trying the server without one', async () => {
    service = createTeamSync({ store: desk.store, credentials: keeperOf(null), connect: countedConnect });
    const status = await service.syncNow();
    expect(status).toMatchObject({ online: false });
    expect(status.lastError).toMatch(/No password is kept for the team login/);
    expect(connects).toHaveLength(0);
  });

  it('reports a password file it cannot read as the reason, without an unhandled rejection', async () => {
    const unreadable = {
      ...keeperOf(null),
      read: () => {
        throw new Error('ENOENT: no such file or directory, open /gone/pw');
      },
    };
    service = createTeamSync({ store: desk.store, credentials: unreadable, connect: countedConnect });
    service.start();
    const status = await service.syncNow();
    expect(status).toMatchObject({ online: false, lastError: expect.stringMatching(/ENOENT/) });
    expect(connects).toHaveLength(0);
  });
});

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
