import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCase } from './case-detail';
import { createCase, updateFacts } from './cases';
import { recordDecision } from './decisions';
import { caseDecisionOfRecord } from '../../../shared/policy/recorded';
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

describe('an override', () => {
  // A SaaS order paid long ago: the rules refuse it, and its kind's refusals go to the provider.
  const refused = {
    productType: 'saas',
    paidAt: '2026-01-01T10:00:00+08:00',
    orderAmount: 99_000,
    voucherAmount: 1_000,
    currency: 'USD',
    invoiceIssued: true,
  };
  const override = (outcome: string, amount?: number) => ({
    outcome: outcome as never,
    justification: 'the provider confirmed the outage by phone',
    ...(amount === undefined ? {} : { amount }),
  });

  it('to a refund records the amount given, drops "contact the provider" and keeps "return the invoice"', () => {
    const ref = open(refused);
    const recorded = record({ ref, agent: 'ann', override: override('eligible', 50_000) });
    expect(recorded.decision).toMatchObject({ outcome: 'ineligible', refundAmount: 0 });
    const ofRecord = caseDecisionOfRecord(getCase(env.store, ref))!;
    expect(ofRecord).toMatchObject({
      outcome: 'eligible',
      refundAmount: 50_000,
      currency: 'USD',
      actions: ['return_invoice'],
      rules: { outcome: 'ineligible', refundAmount: 0 },
      override: { outcome: 'eligible', amount: 50_000, who: 'ann', approval: null },
      stale: false,
    });
  });

  it('to a refund refunds the cash paid when no amount is given, and never more', () => {
    const ref = open(refused);
    expect(() => record({ ref, agent: 'ann', override: override('eligible', 98_001) })).toThrow(
      /at most the cash paid \(USD 980\.00\)/,
    );
    record({ ref, agent: 'ann', override: override('conditional') });
    expect(caseDecisionOfRecord(getCase(env.store, ref))).toMatchObject({
      outcome: 'conditional',
      refundAmount: 98_000,
    });
  });

  it('to a refusal or needs-info refunds nothing', () => {
    const ref = open({ ...refused, paidAt: PAID });
    expect(() => record({ ref, agent: 'ann', override: override('ineligible', 100) })).toThrow(
      /refunds nothing/,
    );
    record({ ref, agent: 'ann', override: override('needs_info') });
    expect(caseDecisionOfRecord(getCase(env.store, ref))).toMatchObject({
      outcome: 'needs_info',
      refundAmount: 0,
    });
  });

  it('goes stale when a fact it read changes, and fresh when it is decided again', () => {
    const ref = open(refused);
    record({ ref, agent: 'ann', override: override('eligible') });
    const detail = getCase(env.store, ref);
    updateFacts(env.store, ref, { ...detail.facts, orderAmount: 80_000 } as never, 'ann');
    expect(caseDecisionOfRecord(getCase(env.store, ref))!.stale).toBe(true);
    record({ ref, agent: 'ann' });
    expect(caseDecisionOfRecord(getCase(env.store, ref))!.stale).toBe(false);
  });
});
