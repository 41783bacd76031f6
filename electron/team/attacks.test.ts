import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamEvent } from '../../shared/model/team-event';
import {
  EventRefusedError,
  addTeamMember,
  claimCase,
  connectTeamServer,
  initTeamSchema,
  pullEvents,
  pushEvents,
  setApprovalThreshold,
  whoAmI,
  type TeamServer,
} from '.';
import { TEAM_TABLES } from './migrations/005-trust';
import { PG_MISSING_MESSAGE, findPgBin, startPgCluster, type PgCluster } from './test-support/pg-cluster';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the team attack tests: ${PG_MISSING_MESSAGE}`);

/** A decision body as a desktop sends it; `rules` is the rules' decision (kept as JSON text). */
const decisionBody = (
  over: { outcome?: string; override?: string | null; refund?: number; approval?: object } = {},
) => {
  const rules = { outcome: 'eligible', refundAmount: over.refund ?? 1_000, currency: 'CNY' };
  return {
    action: 'decision.record',
    decision: {
      recorded_outcome: over.outcome ?? 'eligible',
      override_justification: over.override ?? null,
      decision: JSON.stringify(rules),
      facts: '{}',
      agent: 'ravi',
      note: null,
      decided_at: Date.now(),
    },
    ...(over.approval === undefined ? {} : { approval: over.approval }),
  };
};

const event = (kind: string, body: Record<string, unknown>, actor = 'ravi'): TeamEvent => ({
  id: randomUUID(),
  desktopId: 'desk-forged',
  caseKey: randomUUID(),
  kind,
  actor,
  body,
  madeAt: new Date().toISOString(),
});

/**
 * The nine ways a member's login broke the team's record, each tried against a real cluster as
 * an agent and as a lead: the server, not the desktop, has to stop every one of them.
 */
describe.skipIf(!hasPostgres)('a member attacking the team server', () => {
  let cluster: PgCluster;
  let admin: TeamServer;
  let agent: TeamServer;
  let lead: TeamServer;
  const password = (name: string) => `password-of-${name}-0123`;
  const urlOf = (name: string, database = 'refund_team') =>
    cluster.url
      .replace(/\/\/team:[^@]+@/, `//${name}:${password(name)}@`)
      .replace(/\/refund_team$/, `/${database}`);
  const loginAs = (name: string, database?: string) => connectTeamServer(urlOf(name, database));
  const members = () => ({ agent, lead });

  beforeAll(async () => {
    cluster = await startPgCluster();
    admin = await connectTeamServer(cluster.url);
    await initTeamSchema(admin);
    for (const [name, role] of [
      ['mei', 'agent'],
      ['ravi', 'agent'],
      ['lin', 'lead'],
      ['kai', 'lead'],
    ] as const) {
      await addTeamMember(admin, { name, role }, password(name));
    }
    agent = await loginAs('mei');
    lead = await loginAs('lin');
  }, 60_000);

  afterAll(async () => {
    for (const server of [agent, lead, admin]) await server?.close();
    cluster?.destroy();
  });

  it.each(['agent', 'lead'] as const)('gives an %s no direct write on any team table', async (who) => {
    const server = members()[who];
    for (const table of TEAM_TABLES) {
      const { rows } = await admin.client.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum = 1`,
        [`public.${table}`],
      );
      const column = rows[0]!.name;
      for (const statement of [
        `INSERT INTO public.${table} DEFAULT VALUES`,
        `UPDATE public.${table} SET ${column} = ${column}`,
        `DELETE FROM public.${table}`,
        `TRUNCATE public.${table}`,
      ]) {
        await expect(server.client.query(statement), `${who}: ${statement}`).rejects.toThrow(
          /permission denied/,
        );
      }
    }
    await expect(server.client.query("SELECT nextval('public.team_events_seq_seq')")).rejects.toThrow(
      /permission denied/,
    );
  });

  it('(1) refuses a forged counted decision, and stamps any event with the login and its name', async () => {
    // An override with a refund of 999,999.00 pushed under another agent's name: refused.
    const forged = event(
      'decision.record',
      decisionBody({ outcome: 'eligible', override: 'trust me', refund: 99_999_900 }),
    );
    const refused = await pushEvents(agent, [forged]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EventRefusedError);
    expect(refused).toMatchObject({
      eventId: forged.id,
      reason: expect.stringMatching(/override waits for a lead/),
    });
    // An outcome other than the rules' without an override is an override in disguise.
    await expect(
      pushEvents(agent, [event('decision.record', decisionBody({ outcome: 'ineligible' }))]),
    ).rejects.toThrow(/recorded outcome is the rules'/);
    // A plain decision goes through, but as mei's, whatever name the body and the event give.
    const plain = event('decision.record', decisionBody());
    expect(await pushEvents(agent, [plain])).toEqual({ applied: 1, known: 0 });
    const pulled = (await pullEvents(lead, 0, 1000)).find((row) => row.id === plain.id)!;
    expect(pulled).toMatchObject({ actor: 'mei', pushedBy: 'mei' });
  });

  it('(1) refuses a decision above the threshold that arrives counted, from an agent or a lead', async () => {
    await setApprovalThreshold(admin, 'CNY', 50_000);
    for (const server of [agent, lead]) {
      await expect(
        pushEvents(server, [event('decision.record', decisionBody({ refund: 50_001 }))]),
      ).rejects.toThrow(/above the team's threshold/);
    }
    const waiting = event(
      'decision.record',
      decisionBody({ refund: 50_001, approval: { key: randomUUID() } }),
    );
    expect((await pushEvents(agent, [waiting])).applied).toBe(1);
    await setApprovalThreshold(admin, 'CNY', null);
  });

  it('(2) lets no lead approve their own decision, whatever their session holds', async () => {
    const key = randomUUID();
    expect(
      (await pushEvents(lead, [event('decision.record', decisionBody({ override: 'x', approval: { key } }))]))
        .applied,
    ).toBe(1);
    const grant = () => event('approval.grant', { approval: { key } }, 'kai');
    // Members may not create temporary objects at all …
    await expect(lead.client.query('CREATE TEMP TABLE team_events (x int)')).rejects.toThrow(
      /permission denied/,
    );
    // … and were an administrator to allow it, a temporary table named after every team table
    // still answers nothing the server's functions read.
    await admin.client.query('GRANT TEMPORARY ON DATABASE refund_team TO lin');
    const shadowed = await loginAs('lin');
    try {
      for (const table of TEAM_TABLES) {
        await shadowed.client.query(
          `CREATE TEMP TABLE ${table} AS SELECT * FROM public.${table} WITH NO DATA`,
        );
      }
      await shadowed.client.query(
        `INSERT INTO pg_temp.team_events (seq, event_id, desktop_id, case_key, kind, actor, body, made_at, pushed_by, tx)
         VALUES (1, gen_random_uuid(), 'd', gen_random_uuid(), 'decision.record', 'kai',
                 jsonb_build_object('approval', jsonb_build_object('key', $1::text)), now(), 'kai', '1')`,
        [key],
      );
      await shadowed.client.query("INSERT INTO pg_temp.team_members VALUES ('lin', 'somebody else', now())");
      await shadowed.client.query('SET search_path = pg_temp, public');
      await expect(pushEvents(shadowed, [grant()])).rejects.toThrow(/four eyes: lin made this decision/);
      expect(await whoAmI(shadowed)).toMatchObject({ name: 'lin', displayName: 'lin', role: 'lead' });
      const mine = event('note.add', { note: { body: 'x' } });
      await pushEvents(shadowed, [mine]);
      expect((await pullEvents(admin, 0, 10_000)).find((row) => row.id === mine.id)?.actor).toBe('lin');
    } finally {
      await shadowed.close();
      await admin.client.query('REVOKE TEMPORARY ON DATABASE refund_team FROM lin');
    }
    // Another lead may answer it; an agent may not.
    await expect(pushEvents(agent, [grant()])).rejects.toThrow(/only a lead may answer/);
    const kai = await loginAs('kai');
    expect((await pushEvents(kai, [grant()])).applied).toBe(1);
    await kai.close();
  });

  it('replays nothing: a lead’s answer sent again by an agent, as it was or under a new id', async () => {
    const key = randomUUID();
    await pushEvents(agent, [
      event('decision.record', decisionBody({ override: 'agreed', approval: { key } })),
    ]);
    const kai = await loginAs('kai');
    const grant = event('approval.grant', { approval: { key } }, 'kai');
    try {
      expect(await pushEvents(kai, [grant])).toEqual({ applied: 1, known: 0 });
    } finally {
      await kai.close();
    }
    // The same event again, from the agent's login: known, not applied twice, still kai's.
    expect(await pushEvents(agent, [grant])).toEqual({ applied: 0, known: 1 });
    const copies = (await pullEvents(admin, 0, 100_000)).filter((row) => row.id === grant.id);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ actor: 'kai', pushedBy: 'kai' });
    // Its body under a new id is the agent's own answer, which an agent may not give.
    await expect(pushEvents(agent, [{ ...grant, id: randomUUID() }])).rejects.toThrow(
      /only a lead may answer/,
    );
  });

  it('(5) pulls nothing past an event whose transaction is still open', async () => {
    // Only the owner can still insert outside team_push; a member cannot insert at all.
    const owner = await connectTeamServer(cluster.url);
    const before = (await pullEvents(lead, 0, 100_000)).at(-1)!.seq;
    await owner.client.query('BEGIN');
    await owner.client.query(
      `INSERT INTO public.team_events (event_id, desktop_id, case_key, kind, actor, body, made_at)
       VALUES (gen_random_uuid(), 'slow', gen_random_uuid(), 'note.add', 'team', '{}', now())`,
    );
    const later = event('note.add', { note: { body: 'after the slow one' } });
    await pushEvents(agent, [later]);
    expect((await pullEvents(lead, before, 1000)).map((row) => row.id)).not.toContain(later.id);
    await owner.client.query('COMMIT');
    const after = await pullEvents(lead, before, 1000);
    expect(after.map((row) => row.desktopId)).toEqual(['slow', 'desk-forged']);
    await owner.close();
  });

  it('(6) lets no agent take over a claim, nor claim in another agent’s name', async () => {
    const caseKey = randomUUID();
    const ravi = await loginAs('ravi');
    const claim = { caseKey, desktopId: 'desk', leaseMs: 60_000 };
    expect(await claimCase(ravi, { ...claim, eventId: randomUUID(), agent: 'ravi' })).toMatchObject({
      granted: true,
      holder: 'ravi',
    });
    await expect(agent.client.query("UPDATE public.team_claims SET agent = 'mei'")).rejects.toThrow(
      /permission denied/,
    );
    // Claiming as ravi renews nobody's lease but mei's: the server names the claimant.
    expect(await claimCase(agent, { ...claim, eventId: randomUUID(), agent: 'ravi' })).toMatchObject({
      granted: false,
      holder: 'ravi',
    });
    const offline = event('case.assign', { claim: true, leaseMs: 1e15 }, 'ravi');
    await pushEvents(agent, [{ ...offline, caseKey: randomUUID() }]);
    const { rows } = await admin.client.query(
      "SELECT agent, lease_until < now() + interval '8 days' AS bounded FROM public.team_claims WHERE event_id = $1",
      [offline.id],
    );
    expect(rows).toEqual([{ agent: 'mei', bounded: true }]);
    await ravi.close();
  });

  it.each(['agent', 'lead'] as const)(
    'lets an %s call the team functions only as themselves',
    async (who) => {
      const server = members()[who];
      await expect(setApprovalThreshold(server, 'CNY', 1)).rejects.toThrow(/permission denied/);
      for (const internal of [
        "SELECT public.team_member_name('ravi')",
        "SELECT public.team_settle_claim(gen_random_uuid(), gen_random_uuid(), 'ravi', 'd', 1000)",
      ]) {
        await expect(server.client.query(internal)).rejects.toThrow(/permission denied for function/);
      }
      const named = event('note.add', { note: { body: 'signed as someone else' } }, 'kai');
      await pushEvents(server, [named]);
      const pulled = (await pullEvents(admin, 0, 100_000)).find((row) => row.id === named.id)!;
      const login = who === 'agent' ? 'mei' : 'lin';
      expect(pulled).toMatchObject({ actor: login, pushedBy: login });
    },
  );

  it('(7) never sends a member password to the server, even in a statement that fails', async () => {
    const secret = 'a-secret-nobody-may-log-7';
    await expect(addTeamMember(agent, { name: 'eve', role: 'agent' }, secret)).rejects.toThrow();
    await addTeamMember(admin, { name: 'ana', role: 'agent' }, secret);
    const ana = await connectTeamServer(cluster.url.replace(/\/\/team:[^@]+@/, `//ana:${secret}@`));
    expect((await whoAmI(ana)).name).toBe('ana');
    await ana.close();
    expect(readFileSync(cluster.logFile, 'utf8')).not.toContain(secret);
  });

  it('(8) keeps a member of another team in the same cluster out of this team’s database', async () => {
    await admin.client.query('CREATE DATABASE other_team');
    const other = await connectTeamServer(cluster.url.replace(/\/refund_team$/, '/other_team'));
    try {
      await initTeamSchema(other);
      await addTeamMember(other, { name: 'zed', role: 'lead' }, password('zed'));
      await expect(loginAs('zed')).rejects.toThrow(/permission denied for database/);
      await expect(loginAs('mei', 'other_team')).rejects.toThrow(/permission denied for database/);
      const zed = await loginAs('zed', 'other_team');
      expect(await whoAmI(zed)).toMatchObject({ name: 'zed', role: 'lead' });
      await zed.close();
    } finally {
      await other.close();
    }
  });
});
