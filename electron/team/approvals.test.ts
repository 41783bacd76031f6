import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  answerApproval,
  createCase,
  getCase,
  joinTeam,
  recordDecision,
  verifyAuditWithBackups,
  type CaseStore,
} from '../store';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import {
  addTeamMember,
  connectTeamServer,
  initTeamSchema,
  pushEvents,
  readApprovalThresholds,
  setApprovalThreshold,
  syncOnce,
  type TeamServer,
} from '.';
import { PG_MISSING_MESSAGE, findPgBin, startPgCluster, type PgCluster } from './test-support/pg-cluster';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the approval tests: ${PG_MISSING_MESSAGE}`);

type Desk = ReturnType<typeof tempStore> & { server: TeamServer; name: string };

const OVERRIDE = {
  outcome: 'ineligible' as const,
  justification: 'the customer used the service for a month',
};

/**
 * Four eyes across desktops on a real server: an agent's decision waits on every desktop
 * until a lead on another desktop answers it, and then every desktop agrees on the answer.
 */
describe.skipIf(!hasPostgres)('an override waiting for approval, across desktops', () => {
  let cluster: PgCluster;
  let desks: Record<'mei' | 'lin' | 'ravi', Desk>;
  const loginUrl = (name: string) => cluster.url.replace(/\/\/team:[^@]+@/, `//${name}:password-of-${name}@`);

  beforeAll(async () => {
    cluster = await startPgCluster();
    const admin = await connectTeamServer(cluster.url);
    await initTeamSchema(admin);
    await addTeamMember(admin, { name: 'mei', role: 'agent' }, 'password-of-mei');
    await addTeamMember(admin, { name: 'ravi', role: 'agent' }, 'password-of-ravi');
    await addTeamMember(admin, { name: 'lin', role: 'lead' }, 'password-of-lin');
    await admin.close();
  }, 60_000);
  afterAll(() => cluster?.destroy());

  beforeEach(async () => {
    const open = async (name: string): Promise<Desk> => {
      const desk = tempStore();
      joinTeam(desk.store, name);
      return { ...desk, name, server: await connectTeamServer(loginUrl(name)) };
    };
    desks = { mei: await open('mei'), lin: await open('lin'), ravi: await open('ravi') };
  });
  afterEach(async () => {
    for (const desk of Object.values(desks)) {
      await desk.server.close();
      desk.cleanup();
    }
  });

  const sync = (desk: Desk) => syncOnce(desk.store, desk.server);
  const syncAll = async () => {
    for (const desk of Object.values(desks)) await sync(desk);
  };
  const caseOf = (store: CaseStore, orderId: string) => {
    const id = store.db.prepare('SELECT id FROM cases WHERE order_id = ?').pluck().get(orderId) as number;
    return getCase(store, `RC-${String(id).padStart(6, '0')}`);
  };
  const everywhere = (orderId: string) => Object.values(desks).map((desk) => caseOf(desk.store, orderId));
  const allVerified = () => {
    for (const desk of Object.values(desks)) {
      expect(verifyAuditWithBackups(desk.store), desk.name).toMatchObject({ ok: true, problems: [] });
    }
  };

  it('waits on every desktop, counts everywhere once a lead on another desktop grants it', async () => {
    const { mei, lin } = desks;
    const ref = createCase(mei.store, sampleCase({ orderId: 'O-GRANT' }), 'mei').detail.summary.ref;
    await sync(mei);
    recordDecision(mei.store, { ref, agent: 'mei', override: OVERRIDE });
    await syncAll();
    for (const detail of everywhere('O-GRANT')) {
      expect(detail.summary).toMatchObject({ status: 'open', latestOutcome: null, waitingApproval: true });
      expect(detail.decisions.map((d) => [d.agent, d.recordedOutcome, d.approval?.state])).toEqual([
        ['mei', 'ineligible', 'waiting'],
      ]);
    }
    // The agent's own desktop cannot answer (not a lead); the lead's can.
    expect(() => answerApproval(mei.store, { ref, lead: 'mei', grant: true })).toThrow(/Only a lead/);
    const there = caseOf(lin.store, 'O-GRANT').summary.ref;
    answerApproval(lin.store, { ref: there, lead: 'lin', grant: true });
    await sync(lin);
    await syncAll();
    for (const detail of everywhere('O-GRANT')) {
      expect(detail.summary).toMatchObject({
        status: 'decided',
        latestOutcome: 'ineligible',
        waitingApproval: false,
      });
      expect(detail.decisions[0]!.approval).toMatchObject({
        state: 'granted',
        override: true,
        answers: [{ granted: true, lead: 'lin', reason: null }],
      });
    }
    allVerified();
  });

  it('holds a refund above the team threshold, and a refusal leaves the case to be decided again everywhere', async () => {
    const { mei, lin, ravi } = desks;
    const admin = await connectTeamServer(cluster.url);
    await setApprovalThreshold(admin, 'CNY', 10_000);
    expect(await readApprovalThresholds(mei.server)).toEqual({ CNY: 10_000 });
    // Only an administrator sets thresholds: neither an agent nor a lead.
    await expect(setApprovalThreshold(mei.server, 'CNY', 1)).rejects.toThrow(/permission denied/);
    await expect(setApprovalThreshold(lin.server, 'CNY', 1)).rejects.toThrow(/permission denied/);
    const ref = createCase(mei.store, sampleCase({ orderId: 'O-REFUSE' }), 'mei').detail.summary.ref;
    await sync(mei); // learns the threshold
    const waiting = recordDecision(mei.store, { ref, agent: 'mei' }).detail;
    expect(waiting.decisions[0]!.approval).toMatchObject({ override: false, threshold: 10_000 });
    await syncAll();
    const there = caseOf(lin.store, 'O-REFUSE').summary.ref;
    answerApproval(lin.store, {
      ref: there,
      lead: 'lin',
      grant: false,
      reason: 'the invoice is not returned yet',
    });
    await sync(lin);
    await syncAll();
    for (const detail of everywhere('O-REFUSE')) {
      expect(detail.summary).toMatchObject({ status: 'open', latestOutcome: null, waitingApproval: false });
      expect(detail.decisions[0]!.approval).toMatchObject({
        state: 'refused',
        answers: [{ granted: false, lead: 'lin', reason: 'the invoice is not returned yet' }],
      });
    }
    // Decided again on another agent's desktop: it waits again, above the threshold.
    const ravis = caseOf(ravi.store, 'O-REFUSE').summary.ref;
    recordDecision(ravi.store, { ref: ravis, agent: 'ravi', override: OVERRIDE });
    await sync(ravi);
    await syncAll();
    for (const detail of everywhere('O-REFUSE')) {
      expect(detail.decisions.map((d) => d.approval?.state)).toEqual(['refused', 'waiting']);
    }
    allVerified();
    await setApprovalThreshold(admin, 'CNY', null);
    await admin.close();
  });

  it('refuses, on the server, an answer from the login or agent who made the decision', async () => {
    const { lin } = desks;
    // A lead's own decision waits like anyone's, and their desktop will not answer it.
    const ref = createCase(lin.store, sampleCase({ orderId: 'O-OWN' }), 'lin').detail.summary.ref;
    await sync(lin);
    const decided = recordDecision(lin.store, { ref, agent: 'lin', override: OVERRIDE }).detail;
    expect(() => answerApproval(lin.store, { ref, lead: 'lin', grant: true })).toThrow(/four eyes/);
    await sync(lin);
    // Nor will the server take one, whatever name the desktop puts on it.
    const key = decided.decisions[0]!.approval!.key;
    const forged = {
      id: crypto.randomUUID(),
      desktopId: 'forged',
      caseKey: crypto.randomUUID(),
      kind: 'approval.grant',
      actor: 'someone-else',
      body: { approval: { key } },
      madeAt: new Date().toISOString(),
    };
    await expect(pushEvents(lin.server, [forged])).rejects.toThrow(/four eyes: lin made this decision/);
    const other = await connectTeamServer(loginUrl('ravi'));
    await expect(pushEvents(other, [{ ...forged, actor: 'ravi' }])).rejects.toThrow(/only a lead may answer/);
    await other.close();
    expect(caseOf(lin.store, 'O-OWN').decisions[0]!.approval!.state).toBe('waiting');
  });
});
