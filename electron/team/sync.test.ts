import { describe, expect, it } from 'vitest';
import {
  addMessage,
  addNote,
  createCase,
  getCase,
  getUsageExport,
  listAudit,
  listMessages,
  markReplySent,
  saveUsageExport,
  importCases,
  listOpenConflicts,
  parseRef,
  recordDecision,
  resolveConflict,
  updateFacts,
  verifyAuditWithBackups,
  type CaseStore,
} from '../store';
import { TEAM_EVENT_KINDS } from '../../shared/model/team-event';
import { sampleCase } from '../store/test-support/temp-store';
import { connectTeamServer, pullEvents, syncOnce } from '.';
import { applyTeamEvents, teamCursor } from '../store';
import { type Desk, refOf, sync, teamDesks } from './test-support/desks';
import { PG_MISSING_MESSAGE, findPgBin } from './test-support/pg-cluster';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the sync tests: ${PG_MISSING_MESSAGE}`);

describe.skipIf(!hasPostgres)('desktops sync through a real team server', () => {
  const team = teamDesks(['mei', 'ravi', 'ana']);

  const byOrder = (store: CaseStore, orderId: string) => {
    const ref = refOf(store, orderId);
    return ref === undefined ? undefined : getCase(store, ref);
  };

  it('carries a case, its facts, a decision and a note to every desktop, each applied once', async () => {
    const [mei, ravi, ana] = team.desks as [Desk, Desk, Desk];
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

  it('carries a reply sent and a usage export whole, so every desktop says what the customer was told', async () => {
    const [mei, ravi] = team.desks as [Desk, Desk];
    const ref = createCase(mei.store, sampleCase({ orderId: 'O-R' }), 'mei').detail.summary.ref;
    const body = 'Dear customer, we refund CNY 99.00 to <your account>.';
    const told = { outcome: 'eligible' as const, amount: 9_900, currency: 'CNY', deadline: null };
    markReplySent(mei.store, { ref, language: 'en', told, body, agent: 'mei' });
    const usage = '{"packages": [], "usage": []}';
    saveUsageExport(mei.store, ref, usage, 'mei', { packageMinutes: 0 });
    await sync(mei);
    expect(await sync(ravi)).toMatchObject({ applied: 3, rejected: 0 });
    const there = byOrder(ravi.store, 'O-R')!.summary.ref;
    const trail = listAudit(ravi.store, there);
    expect(trail.find((entry) => entry.action === 'reply.sent')).toMatchObject({
      actor: 'mei',
      detail: { language: 'en', ...told, body },
    });
    expect(trail.find((entry) => entry.action === 'usage.export')?.detail).toMatchObject({
      characters: usage.length,
      packageMinutes: 0,
    });
    expect(getUsageExport(ravi.store, there)).toMatchObject({ text: usage, savedBy: 'mei' });
    expect(verifyAuditWithBackups(ravi.store)).toMatchObject({ ok: true });
  });

  it("carries a customer's message whole to every desktop", async () => {
    const [mei, ravi, ana] = team.desks as [Desk, Desk, Desk];
    const ref = createCase(mei.store, sampleCase({ orderId: 'O-M' }), 'mei').detail.summary.ref;
    await sync(mei);
    await sync(ravi);
    const text = 'From: li@example.com\nSubject: Refund\n\nOrder total ¥199.00, charged twice.';
    addMessage(mei.store, ref, { text, subject: 'Refund', from: 'li@example.com', fileName: 'a.eml' }, 'mei');
    await sync(mei);
    expect(await sync(ravi)).toMatchObject({ applied: 1, rejected: 0 });
    await sync(ana);
    const { id: _id, ...here } = listMessages(mei.store, ref)[0]!;
    for (const desk of [ravi, ana]) {
      expect(listMessages(desk.store, refOf(desk.store, 'O-M')!).map(({ id: _, ...m }) => m)).toEqual([here]);
      expect(verifyAuditWithBackups(desk.store)).toMatchObject({ ok: true });
    }
  });

  it('holds an event of a kind this release does not know, lists it, and applies it once an upgrade knows it', async () => {
    const [mei, ravi] = team.desks as [Desk, Desk];
    const ref = createCase(mei.store, sampleCase({ orderId: 'O-K' }), 'mei').detail.summary.ref;
    addNote(mei.store, ref, 'mei', 'written by a newer release');
    await sync(mei);
    // ravi's release as one that predates notes: it knows every kind but note.add.
    const older = TEAM_EVENT_KINDS.filter((kind) => kind !== 'note.add');
    const first = await syncOnce(ravi.store, ravi.server, 5000, { knownKinds: older });
    expect(first).toMatchObject({ applied: 1, rejected: 0, setAside: [] });
    expect(first.held).toEqual([expect.objectContaining({ kind: 'note.add', seq: first.cursor })]);
    expect(byOrder(ravi.store, 'O-K')!.notes).toEqual([]);
    // Still held, not applied as something else, while the release does not know it.
    expect((await syncOnce(ravi.store, ravi.server, 5000, { knownKinds: older })).held).toHaveLength(1);
    const upgraded = await sync(ravi);
    expect(upgraded).toMatchObject({ applied: 1, held: [] });
    expect(byOrder(ravi.store, 'O-K')!.notes.map((note) => note.body)).toEqual([
      'written by a newer release',
    ]);
    expect(verifyAuditWithBackups(ravi.store)).toMatchObject({ ok: true });
  });

  it('merges edits of different facts, and keeps both values of one fact edited on two desktops', async () => {
    const [mei, ravi] = team.desks as [Desk, Desk];
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

  it("settles a conflict on every desktop with one agent's choice, after which the case can be decided", async () => {
    const [mei, ravi, ana] = team.desks as [Desk, Desk, Desk];
    const created = createCase(mei.store, sampleCase({ orderId: 'O-3' }), 'mei').detail;
    for (const desk of [mei, ravi, ana]) await sync(desk);
    const theirs = byOrder(ravi.store, 'O-3')!;
    updateFacts(mei.store, created.summary.ref, { ...created.facts, orderAmount: 10000 }, 'mei');
    updateFacts(ravi.store, theirs.summary.ref, { ...theirs.facts, orderAmount: 12000 }, 'ravi');
    for (const desk of [mei, ravi, ana, mei]) await sync(desk);
    const openOn = (desk: Desk) =>
      listOpenConflicts(desk.store, parseRef(byOrder(desk.store, 'O-3')!.summary.ref)!);
    for (const desk of [mei, ravi, ana]) expect(openOn(desk)).toHaveLength(1);
    const [conflict] = openOn(mei);
    resolveConflict(mei.store, created.summary.ref, conflict!.id, 'remote', 'mei');
    for (const desk of [mei, ravi, ana]) await sync(desk);
    for (const desk of [mei, ravi, ana]) {
      expect(openOn(desk)).toEqual([]);
      expect(byOrder(desk.store, 'O-3')!.facts.orderAmount).toBe(12000);
      expect(verifyAuditWithBackups(desk.store).ok).toBe(true);
    }
    expect(() =>
      recordDecision(ana.store, { ref: byOrder(ana.store, 'O-3')!.summary.ref, agent: 'ana' }),
    ).not.toThrow();
  });

  const counts = (store: CaseStore) =>
    store.db
      .prepare(
        `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM decisions) AS decisions,
                (SELECT count(*) FROM notes) AS notes, (SELECT count(*) FROM audit) AS audit`,
      )
      .get();

  /** A desk that worked offline: cases opened, facts changed twice, a note and a decision each. */
  function workOffline(store: CaseStore, cases: number, agent: string): void {
    for (let i = 0; i < cases; i++) {
      const detail = createCase(store, sampleCase({ orderId: `O-${agent}-${i}` }), agent).detail;
      const ref = detail.summary.ref;
      updateFacts(store, ref, { ...detail.facts, orderAmount: 10_000 + i }, agent);
      updateFacts(store, ref, { ...detail.facts, orderAmount: 10_000 + i, voucherAmount: i % 100 }, agent);
      addNote(store, ref, agent, `note ${i}`);
      recordDecision(store, { ref, agent });
    }
  }

  it('applies each event once, however often it is delivered', async () => {
    const [mei, ravi] = team.desks as [Desk, Desk];
    workOffline(mei.store, 20, 'mei');
    await sync(mei);
    await sync(ravi);
    const before = counts(ravi.store);
    const cursor = teamCursor(ravi.store);
    const again = await pullEvents(ravi.server, 0, 1000);
    expect(again).toHaveLength(100);
    const reapplied = applyTeamEvents(ravi.store, [...again].reverse());
    expect(reapplied.every((result) => result.kind === 'duplicate')).toBe(true);
    expect(counts(ravi.store)).toEqual(before);
    expect(teamCursor(ravi.store)).toBe(cursor);
  });

  it('catches up after a long offline period (10,000 events) with the same cases, decisions and notes', async () => {
    const [mei, ravi] = team.desks as [Desk, Desk];
    // 9,000 orders imported at once, then a day's work on 200 of them: 10,000 events.
    importCases(
      mei.store,
      Array.from({ length: 9000 }, (_, i) => sampleCase({ orderId: `O-import-${i}` })),
      'mei',
    );
    workOffline(mei.store, 200, 'mei');
    expect(await sync(mei)).toMatchObject({ pushed: 10_000, waiting: 0 });
    expect(await sync(ravi)).toMatchObject({ applied: 10_000, conflicts: 0, rejected: 0 });
    const theirs = counts(ravi.store) as Record<string, number>;
    expect(theirs).toMatchObject({ cases: 9200, decisions: 200, notes: 200 });
    const sample = byOrder(ravi.store, 'O-mei-199')!;
    expect(sample.facts).toMatchObject({ orderAmount: 10_199, voucherAmount: 99 });
    expect(sample.decisions).toHaveLength(1);
    expect(verifyAuditWithBackups(ravi.store).ok).toBe(true);
  }, 120_000);

  it('loses and repeats nothing when the server stops in the middle of a pull', async () => {
    const [mei, ravi] = team.desks as [Desk, Desk];
    workOffline(mei.store, 100, 'mei');
    await sync(mei);
    // Stop the server as soon as the first pulled batch is in.
    const watch = setInterval(() => {
      if (teamCursor(ravi.store) > 0) {
        clearInterval(watch);
        team.cluster.stop('immediate');
      }
    }, 1);
    await expect(syncOnce(ravi.store, ravi.server, 100)).rejects.toThrow();
    clearInterval(watch);
    const partial = teamCursor(ravi.store);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(500);
    team.cluster.start();
    ravi.server = await connectTeamServer(team.cluster.url);
    mei.server = await connectTeamServer(team.cluster.url);
    for (const desk of team.desks.slice(2)) desk.server = await connectTeamServer(team.cluster.url);
    await sync(ravi);
    expect(counts(ravi.store)).toMatchObject({ cases: 100, decisions: 100, notes: 100 });
    expect(verifyAuditWithBackups(ravi.store).ok).toBe(true);
  }, 60_000);
});
