import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addNote,
  createCase,
  getCase,
  joinTeam,
  listOpenConflicts,
  parseRef,
  recordDecision,
  updateFacts,
  verifyAuditWithBackups,
  type CaseStore,
} from '../store';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import { connectTeamServer, initTeamSchema, syncOnce, type TeamServer } from '.';
import { PG_MISSING_MESSAGE, findPgBin, startPgCluster, type PgCluster } from './test-support/pg-cluster';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the sync tests: ${PG_MISSING_MESSAGE}`);

type Desk = ReturnType<typeof tempStore> & { server: TeamServer };

describe.skipIf(!hasPostgres)('desktops sync through a real team server', () => {
  let cluster: PgCluster;
  let desks: Desk[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(() => cluster?.destroy());

  beforeEach(async () => {
    const admin = await connectTeamServer(cluster.url);
    await admin.client.query(
      'DROP TABLE IF EXISTS team_events, team_claims, team_claim_answers, team_schema CASCADE',
    );
    await admin.client.query(
      'DROP FUNCTION IF EXISTS team_events_append_only, team_events_check_author CASCADE',
    );
    await initTeamSchema(admin);
    await admin.close();
    desks = [];
    for (const agent of ['mei', 'ravi', 'ana']) {
      const desk = tempStore();
      joinTeam(desk.store, agent);
      desks.push({ ...desk, server: await connectTeamServer(cluster.url) });
    }
  }, 60_000);

  afterEach(async () => {
    for (const desk of desks) {
      await desk.server.close();
      desk.cleanup();
    }
  });

  const sync = (desk: Desk) => syncOnce(desk.store, desk.server);
  const byOrder = (store: CaseStore, orderId: string) => {
    const row = store.db.prepare('SELECT id FROM cases WHERE order_id = ?').get(orderId) as
      { id: number } | undefined;
    return row === undefined ? undefined : getCase(store, `RC-${String(row.id).padStart(6, '0')}`);
  };

  it('carries a case, its facts, a decision and a note to every desktop, each applied once', async () => {
    const [mei, ravi, ana] = desks as [Desk, Desk, Desk];
    const created = createCase(mei.store, sampleCase({ orderId: 'O-1' }), 'mei').detail;
    const ref = created.summary.ref;
    updateFacts(mei.store, ref, { ...created.facts, orderAmount: 29900 }, 'mei');
    recordDecision(mei.store, { ref, agent: 'mei' });
    addNote(mei.store, ref, 'mei', 'called the customer <b>twice</b>');
    expect(await sync(mei)).toMatchObject({ pushed: 4, applied: 0, waiting: 0 });
    expect(await sync(ravi)).toMatchObject({ pushed: 0, applied: 4, conflicts: 0 });
    expect(await sync(ravi)).toMatchObject({ applied: 0 });
    await sync(ana);
    const here = getCase(mei.store, ref);
    for (const desk of [ravi, ana]) {
      const there = byOrder(desk.store, 'O-1')!;
      expect(there.facts).toEqual(here.facts);
      expect(there.summary.status).toBe(here.summary.status);
      expect(there.summary.latestOutcome).toBe(here.summary.latestOutcome);
      expect(there.decisions.map((d) => [d.recordedOutcome, d.agent, d.decision.refundAmount])).toEqual(
        here.decisions.map((d) => [d.recordedOutcome, d.agent, d.decision.refundAmount]),
      );
      expect(there.notes.map((n) => n.body)).toEqual(['called the customer <b>twice</b>']);
      expect(verifyAuditWithBackups(desk.store).ok).toBe(true);
    }
  });

  it('merges edits of different facts, and keeps both values of one fact edited on two desktops', async () => {
    const [mei, ravi] = desks as [Desk, Desk];
    const created = createCase(mei.store, sampleCase({ orderId: 'O-2' }), 'mei').detail;
    await sync(mei);
    await sync(ravi);
    const theirs = byOrder(ravi.store, 'O-2')!;
    // Offline on both: mei changes the amount, ravi the invoice flag and also the amount.
    updateFacts(
      mei.store,
      created.summary.ref,
      { ...created.facts, orderAmount: 10000, voucherAmount: 500 },
      'mei',
    );
    updateFacts(
      ravi.store,
      theirs.summary.ref,
      { ...theirs.facts, orderAmount: 12000, invoiceIssued: true },
      'ravi',
    );
    await sync(mei);
    const raviSync = await sync(ravi);
    expect(raviSync.conflicts).toBe(1);
    const merged = byOrder(ravi.store, 'O-2')!;
    expect(merged.facts).toMatchObject({ orderAmount: 12000, voucherAmount: 500, invoiceIssued: true });
    expect(listOpenConflicts(ravi.store, parseRef(merged.summary.ref)!)).toEqual([
      expect.objectContaining({ field: 'facts.orderAmount', base: 19900, local: 12000, remote: 10000 }),
    ]);
    expect(() => recordDecision(ravi.store, { ref: merged.summary.ref, agent: 'ravi' })).toThrow(
      /orderAmount.*changed on two desktops/,
    );
    const meiSync = await sync(mei);
    expect(meiSync.conflicts).toBe(1);
    expect(byOrder(mei.store, 'O-2')!.facts).toMatchObject({ orderAmount: 10000, invoiceIssued: true });
  });
});
