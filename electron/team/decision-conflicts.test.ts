import { describe, expect, it } from 'vitest';
import { caseDecisionOfRecord } from '../../shared/policy/recorded';
import {
  createCase,
  getCase,
  listOpenConflicts,
  parseRef,
  recordDecision,
  resolveConflict,
  verifyAuditWithBackups,
  type CaseStore,
} from '../store';
import { sampleCase } from '../store/test-support/temp-store';
import { type Desk, refOf as findRef, sync, teamDesks } from './test-support/desks';
import { PG_MISSING_MESSAGE, findPgBin } from './test-support/pg-cluster';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the decision conflict tests: ${PG_MISSING_MESSAGE}`);

const DAY = 86_400_000;

// Attacks 4 and 9: two desktops that had not seen each other decide one case. Until an agent
// settles it, every desktop shows the first decision in the server's order, with the conflict.
describe.skipIf(!hasPostgres)('concurrent decisions on one case', () => {
  const team = teamDesks(['mei', 'ravi', 'ana']);
  const refOf = (store: CaseStore, orderId: string) => findRef(store, orderId)!;

  /** What the desktop shows as the case's current decision. */
  const current = (store: CaseStore, orderId: string) => {
    const detail = getCase(store, refOf(store, orderId));
    const record = caseDecisionOfRecord(detail)!;
    return {
      latestOutcome: detail.summary.latestOutcome,
      status: detail.summary.status,
      outcome: record.outcome,
      refundAmount: record.refundAmount,
      decidedAt: record.decidedAt,
      who: detail.decisions.find((d) => d.id === record.decisionId)!.agent,
    };
  };
  const conflictsOn = (store: CaseStore, orderId: string) =>
    listOpenConflicts(store, parseRef(refOf(store, orderId))!);

  it('shows the first decision in server order on every desktop, with the conflict, until it is settled', async () => {
    const [mei, ravi, ana] = team.desks as [Desk, Desk, Desk];
    createCase(mei.store, sampleCase({ orderId: 'O-D' }), 'mei');
    for (const desk of [mei, ravi, ana]) await sync(desk);
    // Both offline: mei decides at once (a refund), ravi a month later (the window has closed).
    recordDecision(mei.store, { ref: refOf(mei.store, 'O-D'), agent: 'mei' });
    ravi.clock.advance(30 * DAY);
    recordDecision(ravi.store, { ref: refOf(ravi.store, 'O-D'), agent: 'ravi' });
    expect(current(mei.store, 'O-D').outcome).not.toBe(current(ravi.store, 'O-D').outcome);
    // mei's reaches the server first, so mei's is the case's current decision everywhere.
    for (const desk of [mei, ravi, ana, mei]) await sync(desk);
    const first = current(mei.store, 'O-D');
    expect(first.who).toBe('mei');
    for (const desk of [mei, ravi, ana]) {
      expect(current(desk.store, 'O-D')).toEqual(first);
      expect(conflictsOn(desk.store, 'O-D')).toEqual([
        expect.objectContaining({ field: 'decision', local: expect.objectContaining({ agent: 'mei' }) }),
      ]);
      expect(() => recordDecision(desk.store, { ref: refOf(desk.store, 'O-D'), agent: 'x' })).toThrow(
        /decision changed on two desktops/,
      );
    }
    // ana settles it for ravi's: recorded again as ana's, it is current on every desktop.
    const [conflict] = conflictsOn(ana.store, 'O-D');
    expect(conflict).toMatchObject({ local: { agent: 'mei' }, remote: { agent: 'ravi' } });
    resolveConflict(ana.store, refOf(ana.store, 'O-D'), conflict!.id, 'remote', 'ana');
    for (const desk of [ana, mei, ravi]) await sync(desk);
    const settled = current(ana.store, 'O-D');
    expect(settled.who).toBe('ana');
    expect(settled.outcome).not.toBe(first.outcome);
    for (const desk of [mei, ravi, ana]) {
      expect(current(desk.store, 'O-D')).toEqual(settled);
      expect(conflictsOn(desk.store, 'O-D')).toEqual([]);
      expect(verifyAuditWithBackups(desk.store)).toMatchObject({ ok: true });
    }
  });

  it('takes a decision made on top of the one a desktop saw without a conflict', async () => {
    const [mei, ravi] = team.desks as [Desk, Desk];
    createCase(mei.store, sampleCase({ orderId: 'O-S' }), 'mei');
    recordDecision(mei.store, { ref: refOf(mei.store, 'O-S'), agent: 'mei' });
    await sync(mei);
    await sync(ravi);
    ravi.clock.advance(30 * DAY);
    recordDecision(ravi.store, { ref: refOf(ravi.store, 'O-S'), agent: 'ravi' });
    await sync(ravi);
    await sync(mei);
    for (const desk of [mei, ravi]) {
      expect(current(desk.store, 'O-S').who).toBe('ravi');
      expect(conflictsOn(desk.store, 'O-S')).toEqual([]);
    }
  });
});
