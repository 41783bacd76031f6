import { describe, expect, it } from 'vitest';
import type { AuditEntry, CaseDetail, DecisionRecord } from '../../shared/model/case';
import { caseText } from './case-text';

const decision: DecisionRecord['decision'] = {
  outcome: 'ineligible',
  refundAmount: 0,
  currency: 'CNY',
  clauses: ['saas.guarantee-window'],
  actions: [],
  missing: [],
  windowClosesAt: '2026-03-06T02:00:00.000Z',
  requestedAt: '2026-03-08T02:00:00.000Z',
  requestedAtAssumed: false,
  policyVersion: 'v1',
  policyRevision: 'v1.1',
  reasons: [],
};

const detail: CaseDetail = {
  summary: {
    ref: 'RC-000007',
    customerName: 'Li Wei',
    accountId: 'acc-1',
    orderId: 'O-1',
    productName: 'SiteBuilder Pro',
    productType: 'saas',
    status: 'decided',
    assignee: null,
    latestOutcome: 'eligible',
    windowClosesAt: '2026-03-06T02:00:00.000Z',
    createdAt: '2026-03-02T02:00:00.000Z',
    updatedAt: '2026-03-08T02:00:00.000Z',
    revision: 3,
    provider: 'Acme Cloud',
    orderAmount: null,
    currency: null,
  },
  customer: { name: 'Li Wei', accountId: 'acc-1' },
  provider: 'Acme Cloud',
  facts: { productType: 'saas', exclusions: { noServiceRequest: false } },
  decisions: [
    {
      id: 1,
      caseRef: 'RC-000007',
      decision: {
        ...decision,
        outcome: 'needs_info',
        refundAmount: null,
        missing: ['paidAt', 'orderAmount'],
      },
      recordedOutcome: 'needs_info',
      override: null,
      facts: {},
      agent: 'ann',
      note: null,
      decidedAt: '2026-03-03T02:00:00.000Z',
    },
    {
      id: 2,
      caseRef: 'RC-000007',
      decision,
      recordedOutcome: 'eligible',
      override: { justification: 'outage\rconfirmed by the provider', amount: null },
      facts: {},
      agent: 'bo',
      note: null,
      decidedAt: '2026-03-08T02:00:00.000Z',
    },
  ],
  notes: [],
};

describe('caseText', () => {
  it('shows an override with its reason beside the rules’ outcome, and what is still missing', () => {
    const text = caseText(detail);
    expect(text).toContain(
      '  #2 2026-03-08T02:00:00.000Z by bo, policy v1 revision v1.1\n' +
        '    outcome     eligible (override of ineligible: outage\\rconfirmed by the provider)\n' +
        // Recorded before overrides kept an amount: the cash paid, which these facts do not know.
        '    refund      not known yet\n' +
        '    rules gave  ineligible, CNY 0.00\n' +
        '    clauses     -\n' +
        '    stale       a fact has changed since it was recorded; decide the case again\n',
    );
    expect(text).toContain('    refund   not known yet\n');
    expect(text).toContain('    missing  paidAt, orderAmount\n');
    expect(text).toContain(
      `\nFacts\n  ${'productType'.padEnd(27)}  saas\n  exclusions.noServiceRequest  false\n`,
    );
    expect(text).toMatch(/\n {2}contact +-\n/);
    expect(text).toMatch(/\nNotes \(0\)\n {2}none\n$/);
  });

  it('says when the customer was told something the decision of record no longer says', () => {
    const overridden = { ...detail.decisions[1]!, override: { justification: 'goodwill', amount: 40_000 } };
    const sent: AuditEntry = {
      seq: 9,
      caseRef: 'RC-000007',
      action: 'reply.sent',
      actor: 'bo',
      at: '2026-03-07T02:00:00.000Z',
      detail: {
        language: 'en',
        outcome: 'eligible',
        amount: 45_000,
        currency: 'CNY',
        deadline: null,
        body: 'Hi',
      },
      hash: 'x',
    };
    const text = caseText({ ...detail, decisions: [detail.decisions[0]!, overridden] }, [sent]);
    expect(text).toContain(
      '\nTold the customer\n  CNY 450.00 (eligible) on 2026-03-07T02:00:00.000Z; ' +
        'the record now says CNY 400.00 (eligible): send a correction\n',
    );
    expect(caseText(detail, [])).not.toContain('Told the customer');
  });
});
