import { describe, expect, it } from 'vitest';
import { DAY_MS } from './time';
import { at, decideUnder, PAID, REVISIONS } from './test-support';

// The first reading's answers, under every revision; where v1.1 reads a rule differently the
// test runs under v1 only and v1.1.test.ts holds the new reading.
describe.each(REVISIONS)('under %s', (revision) => {
  const decideInput = decideUnder(revision);
  const firstReading = revision === 'v1';

  const GUARANTEE_ENDS = '2026-12-31T23:59:59+08:00';
  const BEFORE_MARK = '2026-05-31T12:00:00+08:00'; // under 3 months after PAID
  const AT_MARK = '2026-06-01T12:00:00+08:00'; // exactly 3 calendar months after PAID
  const allFalse = {
    noServiceRequest: false,
    infoWithheld: false,
    scopeExceeded: false,
    feedbackOverdue: false,
    itemLapsed: false, // a fact v1 does not know: it ignores it
    legalViolation: false,
  };
  // v1.1 asks about a lapsed item beside the exclusions that can hold at any time.
  const lapsed = firstReading ? [] : ['exclusions.itemLapsed'];

  const service = (extra: object, requestedAt = BEFORE_MARK) =>
    decideInput({ productType: 'service', paidAt: PAID, orderAmount: 50000, requestedAt, ...extra });
  const inProgress = (extra: object = {}, requestedAt?: string) =>
    service({ serviceStatus: 'in_progress', guaranteeEndsAt: GUARANTEE_ENDS, ...extra }, requestedAt);

  describe('service orders', () => {
    it('refunds an order in progress inside its guarantee when no exclusion holds', () => {
      expect(inProgress({ exclusions: allFalse })).toMatchObject({
        outcome: 'eligible',
        refundAmount: 50000,
        clauses: ['service.in-progress'],
        windowClosesAt: '2026-12-31T15:59:59.000Z',
      });
    });

    it('refuses a completed order and asks nothing about exclusions or the guarantee', () => {
      expect(service({ serviceStatus: 'completed' })).toMatchObject({
        outcome: 'ineligible',
        clauses: ['service.completed', 'refund.contact-provider'],
        actions: ['contact_provider'],
        missing: [],
      });
    });

    it('refuses after the guarantee period, the end instant itself still inside', () => {
      const ends = at(PAID, 30 * DAY_MS);
      expect(inProgress({ guaranteeEndsAt: ends, exclusions: allFalse }, ends).outcome).toBe('eligible');
      expect(inProgress({ guaranteeEndsAt: ends }, at(ends, 1))).toMatchObject({
        outcome: 'ineligible',
        clauses: ['service.guarantee-window', 'refund.contact-provider'],
        missing: [],
      });
    });

    it('names both clauses when an order is completed and past its guarantee', () => {
      const ends = at(PAID, 30 * DAY_MS);
      expect(service({ serviceStatus: 'completed', guaranteeEndsAt: ends }, at(ends, 1)).clauses).toEqual([
        'service.completed',
        'service.guarantee-window',
        'refund.contact-provider',
      ]);
    });

    it('before the 3-month mark asks only the exclusions that can already hold', () => {
      expect(inProgress().missing).toEqual([
        'exclusions.scopeExceeded',
        ...lapsed,
        'exclusions.legalViolation',
      ]);
    });

    it('from the 3-month mark on asks every exclusion, in the rule book order', () => {
      expect(inProgress({}, AT_MARK).missing).toEqual([
        'exclusions.noServiceRequest',
        'exclusions.infoWithheld',
        'exclusions.scopeExceeded',
        'exclusions.feedbackOverdue',
        ...lapsed,
        'exclusions.legalViolation',
      ]);
    });

    it('counts the 3 months as calendar months in the policy zone, clamped to month end', () => {
      const paidAt = '2026-11-30T10:00:00+08:00';
      const order = (requestedAt: string) =>
        decideInput({
          productType: 'service',
          paidAt,
          orderAmount: 1,
          requestedAt,
          serviceStatus: 'in_progress',
          guaranteeEndsAt: GUARANTEE_ENDS.replace('2026', '2027'),
        });
      expect(order('2027-02-28T09:59:59.999+08:00').missing).toHaveLength(2 + lapsed.length);
      expect(order('2027-02-28T10:00:00+08:00').missing).toHaveLength(5 + lapsed.length);
    });

    it('refuses on any exclusion that holds, citing each, without asking the rest', () => {
      expect(inProgress({ exclusions: { scopeExceeded: true, legalViolation: true } })).toMatchObject({
        outcome: 'ineligible',
        clauses: ['exclusion.scope-exceeded', 'exclusion.legal-violation', 'refund.contact-provider'],
        missing: [],
      });
      expect(inProgress({ exclusions: { feedbackOverdue: true } }, AT_MARK)).toMatchObject({
        outcome: 'ineligible',
        clauses: ['exclusion.feedback-overdue', 'refund.contact-provider'],
      });
    });

    it('ignores a silence exclusion before the 3-month mark, where it cannot hold', () => {
      expect(inProgress({ exclusions: { ...allFalse, noServiceRequest: true } })).toMatchObject({
        outcome: 'eligible',
      });
    });

    it('asks for the status and the guarantee end before citing an exclusion', () => {
      expect(service({ exclusions: { scopeExceeded: true } }).missing).toEqual([
        'serviceStatus',
        'guaranteeEndsAt',
      ]);
      expect(service({ serviceStatus: 'in_progress', exclusions: { scopeExceeded: true } }).missing).toEqual([
        'guaranteeEndsAt',
      ]);
    });

    it('with nothing known asks status, guarantee end and the exclusions that can hold', () => {
      expect(service({}).missing).toEqual([
        'serviceStatus',
        'guaranteeEndsAt',
        'exclusions.scopeExceeded',
        ...lapsed,
        'exclusions.legalViolation',
      ]);
    });

    it('asks for the payment time only while it decides whether a silence exclusion applies', () => {
      const noPaidAt = (exclusions: object) =>
        decideInput({
          productType: 'service',
          orderAmount: 1,
          requestedAt: AT_MARK,
          serviceStatus: 'in_progress',
          guaranteeEndsAt: GUARANTEE_ENDS,
          exclusions,
        });
      expect(noPaidAt(allFalse).outcome).toBe('eligible');
      expect(noPaidAt({ ...allFalse, infoWithheld: true }).missing).toEqual(['paidAt']);
      expect(noPaidAt({ ...allFalse, infoWithheld: undefined }).missing).toEqual([
        'paidAt',
        'exclusions.infoWithheld',
      ]);
    });
  });
});
