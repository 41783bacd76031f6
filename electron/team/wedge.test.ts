import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  answerApproval,
  createCase,
  getCase,
  joinTeam,
  parkedEvents,
  recordDecision,
  redoParked,
  withdrawParked,
  type CaseStore,
} from '../store';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import {
  addTeamMember,
  connectTeamServer,
  initTeamSchema,
  pushEvents,
  setApprovalThreshold,
  syncOnce,
  type TeamServer,
} from '.';
import { PG_MISSING_MESSAGE, findPgBin, startPgCluster, type PgCluster } from './test-support/pg-cluster';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the refused-event tests: ${PG_MISSING_MESSAGE}`);

type Desk = ReturnType<typeof tempStore> & { server: TeamServer };

const OVERRIDE = { outcome: 'ineligible' as const, justification: 'used for a month' };

/** A case by its order id on a desktop (refs differ from desktop to desktop). */
const refOf = (store: CaseStore, orderId: string): string | undefined => {
  const id = store.db.prepare('SELECT id FROM cases WHERE order_id = ?').pluck().get(orderId) as
    number | undefined;
  return id === undefined ? undefined : `RC-${String(id).padStart(6, '0')}`;
};

/**
 * A change the server refuses is parked with its reason and everything else keeps syncing; a
 * lead's desktop checks logins, as the server does, before it answers an approval request.
 */
describe.skipIf(!hasPostgres)('a desktop whose change the server refuses', () => {
  let cluster: PgCluster;
  let admin: TeamServer;
  let mei: Desk;
  let lin: Desk;
  const loginUrl = (name: string) => cluster.url.replace(/\/\/team:[^@]+@/, `//${name}:password-of-${name}@`);

  beforeAll(async () => {
    cluster = await startPgCluster();
    admin = await connectTeamServer(cluster.url);
    await initTeamSchema(admin);
    await addTeamMember(admin, { name: 'mei', role: 'agent' }, 'password-of-mei');
    await addTeamMember(admin, { name: 'lin', role: 'lead' }, 'password-of-lin');
  }, 60_000);
  afterAll(async () => {
    await admin?.close();
    cluster?.destroy();
  });

  beforeEach(async () => {
    const open = async (login: string, agent: string): Promise<Desk> => {
      const desk = tempStore();
      joinTeam(desk.store, agent);
      return { ...desk, server: await connectTeamServer(loginUrl(login)) };
    };
    mei = await open('mei', 'mei');
    // The lead's desktop goes by another agent name than its login.
    lin = await open('lin', 'Lin Wei');
  });
  afterEach(async () => {
    for (const desk of [mei, lin]) {
      await desk.server.close();
      desk.cleanup();
    }
  });

  it('(1) shows on every desktop the server’s name for who decided, never the one the desktop wrote', async () => {
    const ref = createCase(mei.store, sampleCase({ orderId: 'O-NAMED' }), 'mei').detail.summary.ref;
    recordDecision(mei.store, { ref, agent: 'Lin Wei' }); // mei's desktop names somebody else
    await syncOnce(mei.store, mei.server);
    await syncOnce(lin.store, lin.server);
    const there = getCase(lin.store, refOf(lin.store, 'O-NAMED')!);
    expect(there.decisions.map((decision) => decision.agent)).toEqual(['mei']);
  });

  it('(3) refuses on the lead’s own desktop to approve a decision its login made, under any agent name', async () => {
    const ref = createCase(lin.store, sampleCase({ orderId: 'O-OWN' }), 'Lin Wei').detail.summary.ref;
    await syncOnce(lin.store, lin.server);
    recordDecision(lin.store, { ref, agent: 'Lin Wei', override: OVERRIDE });
    expect(() => answerApproval(lin.store, { ref, lead: 'lin', grant: true })).toThrow(/four eyes/);
    expect((await syncOnce(lin.store, lin.server)).parked).toEqual([]);
  });

  it('(3) parks a refused change with the server’s reason and keeps syncing everything else', async () => {
    // The lead's desktop of an older release granted its own decision; the grant waits to go.
    const own = createCase(lin.store, sampleCase({ orderId: 'O-SELF' }), 'Lin Wei').detail.summary.ref;
    await syncOnce(lin.store, lin.server);
    recordDecision(lin.store, { ref: own, agent: 'Lin Wei', override: OVERRIDE });
    lin.store.db.prepare("UPDATE approval_requests SET pushed_by = 'someone-else'").run();
    answerApproval(lin.store, { ref: own, lead: 'lin', grant: true });
    createCase(lin.store, sampleCase({ orderId: 'O-AFTER' }), 'Lin Wei');
    const first = await syncOnce(lin.store, lin.server);
    expect(first.parked).toEqual([
      expect.objectContaining({
        kind: 'approval.grant',
        ref: own,
        reason: expect.stringMatching(/four eyes/),
      }),
    ]);
    expect(first.waiting).toBe(0);
    // The case made after it reached the team, and the next round neither fails nor repeats it.
    await syncOnce(mei.store, mei.server);
    expect(refOf(mei.store, 'O-AFTER')).toBeDefined();
    createCase(lin.store, sampleCase({ orderId: 'O-LATER' }), 'Lin Wei');
    expect(await syncOnce(lin.store, lin.server)).toMatchObject({
      pushed: 1,
      parked: [{ kind: 'approval.grant' }],
    });
    // Redone, the server refuses it again; withdrawn, it is no longer offered.
    const { eventId } = first.parked[0]!;
    redoParked(lin.store, eventId, 'Lin Wei');
    expect((await syncOnce(lin.store, lin.server)).parked).toHaveLength(1);
    withdrawParked(lin.store, eventId, 'Lin Wei');
    expect((await syncOnce(lin.store, lin.server)).parked).toEqual([]);
    expect(parkedEvents(lin.store, { withdrawn: true })).toEqual([
      expect.objectContaining({ eventId, withdrawn: true }),
    ]);
  });

  it('parks a decision made above a threshold the desktop had not yet heard of, then sends it again on redo', async () => {
    const ref = createCase(mei.store, sampleCase({ orderId: 'O-STALE' }), 'mei').detail.summary.ref;
    await syncOnce(mei.store, mei.server);
    recordDecision(mei.store, { ref, agent: 'mei' }); // counts here: no threshold known yet
    await setApprovalThreshold(admin, 'CNY', 10_000);
    const round = await syncOnce(mei.store, mei.server);
    expect(round.parked).toEqual([
      expect.objectContaining({ kind: 'decision.record', ref, reason: expect.stringMatching(/threshold/) }),
    ]);
    await setApprovalThreshold(admin, 'CNY', null);
    redoParked(mei.store, round.parked[0]!.eventId, 'mei');
    expect(await syncOnce(mei.store, mei.server)).toMatchObject({ pushed: 1, parked: [] });
    await syncOnce(lin.store, lin.server);
    expect(refOf(lin.store, 'O-STALE')).toBeDefined();
  });

  it('shows a team change it could not apply and applies it at a later sync, once it can', async () => {
    const caseKey = crypto.randomUUID();
    const made = { desktopId: 'desk-new', caseKey, actor: 'team', madeAt: new Date().toISOString() };
    const note = {
      ...made,
      id: crypto.randomUUID(),
      kind: 'note.add',
      body: { action: 'note.add', note: { author: 'team', body: 'arrived early', created_at: 1 } },
    };
    await pushEvents(admin, [note]);
    const first = await syncOnce(mei.store, mei.server);
    expect(first.setAside).toEqual([
      expect.objectContaining({
        eventId: note.id,
        kind: 'note.add',
        reason: expect.stringMatching(/never received/),
      }),
    ]);
    const create = {
      ...made,
      id: crypto.randomUUID(),
      kind: 'case.create',
      body: { case: sampleCase({ orderId: 'O-LATE' }), status: 'open' },
    };
    await pushEvents(admin, [create]);
    expect(await syncOnce(mei.store, mei.server)).toMatchObject({ applied: 2, setAside: [] });
    expect(getCase(mei.store, refOf(mei.store, 'O-LATE')!).notes.map((n) => n.body)).toEqual([
      'arrived early',
    ]);
  });
});
