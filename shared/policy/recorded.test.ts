import { describe, expect, it } from 'vitest';
import type { CaseDetail, DecisionRecord } from '../model/case';
import type { Outcome } from '../model/decision';
import type { Facts } from '../model/facts';
import { decide } from './decide';
import { decisionOfCase, recordedDecision, recordedDiffering } from './recorded';

const PAID = '2026-03-01T10:00:00+08:00';
const NOW = Date.parse('2026-03-02T02:00:00Z');

function record(facts: Facts, recordedOutcome?: Outcome): DecisionRecord {
  const decision = decide(facts, { now: NOW, trace: true });
  const overridden = recordedOutcome !== undefined && recordedOutcome !== decision.outcome;
  return {
    id: 1,
    caseRef: 'RC-000001',
    decision,
    recordedOutcome: recordedOutcome ?? decision.outcome,
    override: overridden
      ? { justification: 'The provider agreed to make an exception here.', amount: null }
      : null,
    facts,
    agent: 'Mei Lin',
    note: null,
    decidedAt: new Date(NOW).toISOString(),
  };
}

const detailWith = (facts: Facts, records: DecisionRecord[]) =>
  ({ facts, decisions: records }) as unknown as CaseDetail;

const refusedApi: Facts = {
  productType: 'api',
  paidAt: PAID,
  orderAmount: 10000,
  voucherAmount: 1000,
  invoiceIssued: true,
};

describe('the recorded decision', () => {
  it('is the rules’ decision when nothing was overridden', () => {
    const plain = record(refusedApi);
    expect(recordedDecision(plain)).toBe(plain.decision);
  });

  it('refunds the cash paid after an override to eligible, with the invoice to return and no refusal clause', () => {
    const overridden = recordedDecision(record(refusedApi, 'eligible'));
    expect(overridden).toMatchObject({
      outcome: 'eligible',
      refundAmount: 9000,
      clauses: ['refund.cash-only', 'refund.return-invoice'],
      actions: ['return_invoice'],
      missing: [],
    });
    expect(overridden.reasons.map((reason) => reason.clause)).toEqual(overridden.clauses);
  });

  it('refunds nothing after an override to a refusal and points at the provider where the kind does', () => {
    const saas: Facts = { productType: 'saas', paidAt: PAID, orderAmount: 10000 };
    expect(recordedDecision(record(saas, 'ineligible'))).toMatchObject({
      outcome: 'ineligible',
      refundAmount: 0,
      clauses: ['refund.contact-provider'],
      actions: ['contact_provider'],
    });
    const rtc: Facts = { productType: 'rtc_package', paidAt: PAID, orderAmount: 10000, consumedMinutes: 0 };
    expect(recordedDecision(record(rtc, 'ineligible'))).toMatchObject({ clauses: [], actions: [] });
  });

  it('speaks for the case once recorded; before, the live rules do', () => {
    expect(decisionOfCase(detailWith(refusedApi, []), NOW).outcome).toBe('ineligible');
    expect(decisionOfCase(detailWith(refusedApi, [record(refusedApi, 'eligible')]), NOW).outcome).toBe(
      'eligible',
    );
  });

  it('is shown beside the live decision only when they differ', () => {
    const live = decide(refusedApi, { now: NOW });
    expect(recordedDiffering(detailWith(refusedApi, []), live)).toBeNull();
    expect(recordedDiffering(detailWith(refusedApi, [record(refusedApi)]), live)).toBeNull();
    const overridden = record(refusedApi, 'eligible');
    expect(recordedDiffering(detailWith(refusedApi, [overridden]), live)).toBe(overridden);
  });
});
