import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../../shared/policy';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import { freshTeamSchema } from '../team/test-support/fresh-schema';
import {
  PG_MISSING_MESSAGE,
  findPgBin,
  startPgCluster,
  type PgCluster,
} from '../team/test-support/pg-cluster';
import { createTeamSync, CredentialsRefusedError, type CredentialKeeper, type TeamSync } from '../team-sync';
import { splitUrl } from '../team-sync/test-support/login';
import { createHandlers, type Handlers } from './handlers';
import { ok } from './test-support/ok';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the team API tests: ${PG_MISSING_MESSAGE}`);

/** A keeper that keeps what it is given in memory, or refuses as a keychain-less shell would. */
function memoryKeeper(
  refuse = false,
): CredentialKeeper & { kept: { login: string; password: string } | null } {
  const keeper = {
    kept: null as { login: string; password: string } | null,
    read: () => keeper.kept,
    save: (credentials: { login: string; password: string }) => {
      if (refuse)
        throw new CredentialsRefusedError('The system keychain is not available; it was not saved.');
      keeper.kept = credentials;
    },
    forget: () => void (keeper.kept = null),
  };
  return keeper;
}

interface Desk {
  env: ReturnType<typeof tempStore>;
  h: Handlers;
  sync: TeamSync;
  agent: string;
}

describe.skipIf(!hasPostgres)('the team API against a real team server', () => {
  let cluster: PgCluster;
  let desks: Desk[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(() => cluster?.destroy());

  beforeEach(async () => {
    await freshTeamSchema(cluster.url);
    desks = ['mei', 'ravi'].map((agent) => {
      const env = tempStore();
      const credentials = memoryKeeper();
      const sync = createTeamSync({ store: env.store, credentials });
      return { env, h: createHandlers(env.store, { team: { sync, credentials } }), sync, agent };
    });
  }, 60_000);

  afterEach(async () => {
    for (const desk of desks) {
      await desk.sync.stop();
      desk.env.cleanup();
    }
  });

  const join = async (desk: Desk) => {
    const { address, credentials } = splitUrl(cluster.url);
    return ok(
      'team.configure',
      desk.h['team.configure']({ url: address, ...credentials, agent: desk.agent }),
    );
  };
  const syncNow = (desk: Desk) => ok('team.syncNow', desk.h['team.syncNow']({}));
  const refOf = async (desk: Desk, orderId: string) =>
    (await ok('cases.byOrder', desk.h['cases.byOrder']({ orderId }))).items[0]!.ref;
  const states = async (desk: Desk, refs: string[]) =>
    (await ok('team.caseStates', desk.h['team.caseStates']({ refs }))).items.map((item) => item.state);
  const revisionOf = async (desk: Desk, ref: string) =>
    (await ok('cases.get', desk.h['cases.get']({ ref }))).summary.revision;

  it('refuses a server address or password it cannot keep safely, changing nothing', async () => {
    const [mei] = desks as [Desk];
    const { address, credentials } = splitUrl(cluster.url);
    const withPassword = await mei.h['team.configure']({ url: cluster.url, ...credentials, agent: 'mei' });
    expect(withPassword).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const clear = await mei.h['team.configure']({
      url: 'postgres://team.example.com/refund_team?sslmode=disable',
      ...credentials,
      agent: 'mei',
    });
    expect(clear).toMatchObject({ ok: false, error: { message: expect.stringMatching(/without TLS/) } });
    const refusing = memoryKeeper(true);
    const noKeychain = createHandlers(mei.env.store, {
      team: { sync: createTeamSync({ store: mei.env.store, credentials: refusing }), credentials: refusing },
    });
    const refused = await noKeychain['team.configure']({ url: address, ...credentials, agent: 'mei' });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/keychain/) } });
    expect(await ok('team.status', mei.h['team.status']({}))).toMatchObject({
      configured: false,
      server: null,
    });
    const bad = await mei.h['team.caseStates']({ refs: ['case one'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('counts what waits, marks each case synced or waiting, and syncs on demand', async () => {
    const [mei, ravi] = desks as [Desk, Desk];
    await ok('cases.create', mei.h['cases.create'](sampleCase({ orderId: 'O-1' })));
    const joined = await join(mei);
    expect(joined).toMatchObject({ configured: true, login: 'team', waiting: 1 });
    const created = await ok('cases.create', mei.h['cases.create'](sampleCase({ orderId: 'O-2' })));
    const refs = ['RC-000001', created.detail.summary.ref];
    expect(await states(mei, refs)).toEqual(['waiting', 'waiting']);
    const synced = await syncNow(mei);
    expect(synced).toMatchObject({ online: true, waiting: 0, conflicts: 0 });
    expect(await states(mei, refs)).toEqual(['synced', 'synced']);
    await join(ravi);
    await syncNow(ravi);
    expect(await states(ravi, [await refOf(ravi, 'O-2')])).toEqual(['synced']);
  });

  it('shows a conflict with both values and who sent the other, refuses a decision, and settles on the choice', async () => {
    const [mei, ravi] = desks as [Desk, Desk];
    await join(mei);
    await join(ravi);
    const created = (await ok('cases.create', mei.h['cases.create'](sampleCase({ orderId: 'O-3' })))).detail;
    await syncNow(mei);
    await syncNow(ravi);
    const theirRef = await refOf(ravi, 'O-3');
    const theirs = await ok('cases.get', ravi.h['cases.get']({ ref: theirRef }));
    await ok(
      'cases.updateFacts',
      mei.h['cases.updateFacts']({
        ref: created.summary.ref,
        revision: created.summary.revision,
        facts: { ...created.facts, orderAmount: 10000 },
        agent: 'mei',
      }),
    );
    await ok(
      'cases.updateFacts',
      ravi.h['cases.updateFacts']({
        ref: theirRef,
        revision: theirs.summary.revision,
        facts: { ...theirs.facts, orderAmount: 12000 },
        agent: 'ravi',
      }),
    );
    await syncNow(mei);
    expect(await syncNow(ravi)).toMatchObject({ conflicts: 1 });
    expect(await states(ravi, [theirRef])).toEqual(['conflict']);
    const [conflict] = (await ok('team.conflicts', ravi.h['team.conflicts']({ ref: theirRef }))).items;
    expect(conflict).toMatchObject({
      field: 'facts.orderAmount',
      local: 12000,
      remote: 10000,
      remoteActor: 'mei',
    });
    expect(Date.parse(conflict!.openedAt)).toBeGreaterThan(0);

    const detail = await ok('cases.get', ravi.h['cases.get']({ ref: theirRef }));
    const { outcome, refundAmount } = decide(detail.facts, { now: ravi.env.clock.now() });
    const decision = {
      ref: theirRef,
      revision: detail.summary.revision,
      seen: { outcome, refundAmount },
      agent: 'ravi',
    };
    const refused = await ravi.h['decisions.record'](decision);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/orderAmount/) },
    });

    const settled = await ok(
      'team.resolveConflict',
      ravi.h['team.resolveConflict']({
        ref: theirRef,
        conflict: conflict!.id,
        keep: 'remote',
        agent: 'ravi',
      }),
    );
    expect(settled.detail.facts.orderAmount).toBe(10000);
    expect((await ok('team.conflicts', ravi.h['team.conflicts']({ ref: theirRef }))).items).toEqual([]);
    expect(await states(ravi, [theirRef])).toEqual(['waiting']);
    await syncNow(ravi);
    await syncNow(mei);
    expect((await ok('cases.get', mei.h['cases.get']({ ref: created.summary.ref }))).facts.orderAmount).toBe(
      10000,
    );
    const again = decide(settled.detail.facts, { now: ravi.env.clock.now() });
    await ok(
      'decisions.record',
      ravi.h['decisions.record']({
        ...decision,
        revision: settled.detail.summary.revision,
        seen: { outcome: again.outcome, refundAmount: again.refundAmount },
      }),
    );
  });

  it('claims online at once: granted to the first agent, refused to the second with who holds it', async () => {
    const [mei, ravi] = desks as [Desk, Desk];
    await join(mei);
    await join(ravi);
    await ok('cases.create', mei.h['cases.create'](sampleCase({ orderId: 'O-4' })));
    await syncNow(mei);
    await syncNow(ravi);
    const mine = 'RC-000001';
    const theirRef = await refOf(ravi, 'O-4');
    const granted = await ok(
      'team.claim',
      mei.h['team.claim']({ ref: mine, revision: await revisionOf(mei, mine), agent: 'mei' }),
    );
    expect(granted.claim).toMatchObject({ state: 'granted', holder: 'mei' });
    expect(granted.change!.detail.summary.assignee).toBe('mei');
    const refused = await ok(
      'team.claim',
      ravi.h['team.claim']({ ref: theirRef, revision: await revisionOf(ravi, theirRef), agent: 'ravi' }),
    );
    expect(refused).toMatchObject({ change: null, claim: { state: 'refused', holder: 'mei' } });
    expect((await ok('cases.get', ravi.h['cases.get']({ ref: theirRef }))).summary.assignee).toBeNull();
    const next = await ok('team.claimNext', ravi.h['team.claimNext']({ agent: 'ravi' }));
    expect(next).toEqual({ change: null, claim: null });
    // The granted claim's event, pushed later, hears the same answer and travels to ravi.
    await syncNow(mei);
    await syncNow(ravi);
    expect((await ok('cases.get', ravi.h['cases.get']({ ref: theirRef }))).summary.assignee).toBe('mei');
    expect(await states(ravi, [theirRef])).toEqual(['synced']);
  });

  it('claims provisionally offline; the loser is told after sync and the case goes to the winner', async () => {
    const [mei, ravi] = desks as [Desk, Desk];
    await join(mei);
    await join(ravi);
    await ok('cases.create', mei.h['cases.create'](sampleCase({ orderId: 'O-5' })));
    await syncNow(mei);
    await syncNow(ravi);
    const theirRef = await refOf(ravi, 'O-5');
    cluster.stop();
    try {
      await syncNow(mei);
      await syncNow(ravi);
      const first = await ok('team.claimNext', mei.h['team.claimNext']({ agent: 'mei' }));
      expect(first.claim).toMatchObject({ state: 'provisional' });
      const second = await ok(
        'team.claim',
        ravi.h['team.claim']({ ref: theirRef, revision: await revisionOf(ravi, theirRef), agent: 'ravi' }),
      );
      expect(second.claim).toMatchObject({ state: 'provisional' });
      expect(second.change!.detail.summary.assignee).toBe('ravi');
      expect(
        (await ok('team.caseStates', ravi.h['team.caseStates']({ refs: [theirRef] }))).items[0],
      ).toMatchObject({
        state: 'waiting',
        provisionalClaim: true,
      });
    } finally {
      cluster.start();
    }
    await syncNow(mei);
    const told = await syncNow(ravi);
    expect(told.lostClaims).toEqual([expect.objectContaining({ ref: theirRef, holder: 'mei' })]);
    expect(told.conflicts).toBe(0);
    expect((await ok('cases.get', ravi.h['cases.get']({ ref: theirRef }))).summary.assignee).toBe('mei');
    expect(
      (await ok('team.caseStates', ravi.h['team.caseStates']({ refs: [theirRef] }))).items[0],
    ).toMatchObject({
      provisionalClaim: false,
    });
    // The winner's desktop never saw the lost claim as a change of assignee.
    await syncNow(ravi);
    const winner = await syncNow(mei);
    expect(winner).toMatchObject({ conflicts: 0, lostClaims: [] });
    expect((await ok('cases.get', mei.h['cases.get']({ ref: 'RC-000001' }))).summary.assignee).toBe('mei');
    const acknowledged = await ok('team.acknowledgeLostClaims', ravi.h['team.acknowledgeLostClaims']({}));
    expect(acknowledged.lostClaims).toEqual([]);
  }, 60_000);
});
