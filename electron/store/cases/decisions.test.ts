import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCase } from './case-detail';
import { createCase, updateFacts } from './cases';
import { recordDecision } from './decisions';
import { sampleCase, tempStore } from '../test-support/temp-store';

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
});
afterEach(() => env.cleanup());

const open = (facts: object) =>
  createCase(env.store, sampleCase({ facts: facts as never }), 'ann').detail.summary.ref;
/** The decision a recordDecision call just appended. */
const record = (request: Parameters<typeof recordDecision>[1]) =>
  recordDecision(env.store, request).detail.decisions.at(-1)!;
const PAID = '2026-03-01T10:00:00+08:00';

describe('recording a decision', () => {
  it.each([
    ['eligible', { productType: 'saas', paidAt: PAID, orderAmount: 100 }, 'decided'],
    ['ineligible', { productType: 'api', orderAmount: 100 }, 'decided'],
    [
      'conditional',
      {
        productType: 'image',
        billingMethod: 'subscription',
        imageInUse: true,
        paidAt: PAID,
        orderAmount: 100,
      },
      'pending_customer',
    ],
    ['needs_info', { productType: 'rtc_package', paidAt: PAID, orderAmount: 100 }, 'pending_customer'],
  ])('%s leaves the case %s', (outcome, facts, status) => {
    const ref = open(facts);
    expect(record({ ref, agent: 'ann' }).recordedOutcome).toBe(outcome);
    expect(getCase(env.store, ref).summary).toMatchObject({ status, latestOutcome: outcome });
  });

  it('keeps every decision with the facts it was made on; a re-decision is a new row', () => {
    const ref = open({ productType: 'rtc_package', paidAt: PAID, orderAmount: 100 });
    const first = record({ ref, agent: 'ann' });
    updateFacts(
      env.store,
      ref,
      { productType: 'rtc_package', paidAt: PAID, orderAmount: 100, consumedMinutes: 0 },
      'ann',
    );
    const second = record({ ref, agent: 'bob' });
    const { decisions, summary } = getCase(env.store, ref);
    expect(decisions.map((d) => [d.id, d.decision.outcome, d.facts.consumedMinutes, d.agent])).toEqual([
      [first.id, 'needs_info', undefined, 'ann'],
      [second.id, 'eligible', 0, 'bob'],
    ]);
    expect(summary).toMatchObject({ status: 'decided', latestOutcome: 'eligible' });
  });

  it('judges by the store clock when the application time is unknown, and says so', () => {
    const ref = open({ productType: 'saas', paidAt: PAID, orderAmount: 100 });
    env.clock.set(Date.parse(PAID) + 6 * 86_400_000);
    const { decision } = record({ ref, agent: 'ann' });
    expect(decision).toMatchObject({ outcome: 'ineligible', requestedAtAssumed: true });
  });

  it('refuses decision rows being changed afterwards', () => {
    const ref = open({ productType: 'api', orderAmount: 100 });
    recordDecision(env.store, { ref, agent: 'ann' });
    expect(() => env.store.db.exec("UPDATE decisions SET recorded_outcome = 'eligible'")).toThrow();
    expect(() => env.store.db.exec('DELETE FROM decisions')).toThrow();
  });
});

describe('decisions stored by an earlier release', () => {
  it('read as revision v1 when they carry only policyVersion', () => {
    const ref = open({ productType: 'api', orderAmount: 100 });
    expect(record({ ref, agent: 'ann' }).decision).toMatchObject({
      policyVersion: 'v1',
      policyRevision: 'v1.1',
    });
    // As an earlier release wrote it: the same row without the revision (rows are immutable,
    // so the old row is written beside the new one).
    env.store
      .sql(
        `INSERT INTO decisions (case_id, recorded_outcome, override_justification, decision, facts, agent,
           note, decided_at)
         SELECT case_id, recorded_outcome, override_justification, json_remove(decision, '$.policyRevision'),
           facts, agent, note, decided_at FROM decisions`,
      )
      .run();
    expect(getCase(env.store, ref).decisions[1]!.decision).toMatchObject({
      policyVersion: 'v1',
      policyRevision: 'v1',
    });
  });
});

describe('decision traces in the store', () => {
  it('are recorded with every decision', () => {
    const ref = open({ productType: 'saas', paidAt: PAID, orderAmount: 100 });
    recordDecision(env.store, { ref, agent: 'ann' });
    const [stored] = getCase(env.store, ref).decisions;
    expect(stored!.decision.trace).toMatchObject({
      format: 1,
      steps: [
        { rule: 'productType', holds: true },
        { rule: 'saas.guarantee-window', read: { paidAt: PAID }, holds: true },
        { rule: 'orderAmount', holds: true },
        { rule: 'refund.cash-only', holds: false },
        { rule: 'refund.return-invoice', holds: false },
      ],
    });
  });
});
