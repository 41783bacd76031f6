import { describe, expect, it } from 'vitest';
import { DecisionSchema } from '../model/decision';
import { DAY_MS } from './time';
import { at, decideInput, decideUnder, PAID } from './test-support';
import { InvalidPolicyError, loadPolicy, PolicyBook, RULE_BOOK } from './versions';

// What revision v1.1 reads differently from the first reading; each rule is shown under both.
const v1 = decideUnder('v1');
const v1_1 = decideUnder('v1.1');

describe('exclusion.item-lapsed (v1.1)', () => {
  const sixWeeksLater = at(PAID, 42 * DAY_MS);
  const lapsedOrder = {
    productType: 'service',
    paidAt: PAID,
    requestedAt: sixWeeksLater,
    orderAmount: 50000,
    serviceStatus: 'in_progress',
    guaranteeEndsAt: '2026-12-31T23:59:59+08:00',
    exclusions: { scopeExceeded: false, itemLapsed: true, legalViolation: false },
  } as const;

  it('refuses a lapsed item before the 3-month mark, where v1 refunded it in full', () => {
    expect(v1_1(lapsedOrder)).toMatchObject({
      outcome: 'ineligible',
      clauses: ['exclusion.item-lapsed', 'refund.contact-provider'],
      policyRevision: 'v1.1',
    });
    expect(v1(lapsedOrder)).toMatchObject({ outcome: 'eligible', refundAmount: 50000, policyRevision: 'v1' });
  });

  it('asks about a lapsed item before the mark; the silence of over 3 months stays feedback-overdue', () => {
    const unknown = { ...lapsedOrder, exclusions: { scopeExceeded: false, legalViolation: false } };
    expect(v1_1(unknown).missing).toEqual(['exclusions.itemLapsed']);
    expect(v1(unknown).outcome).toBe('eligible');
    const silent = { ...lapsedOrder, exclusions: { feedbackOverdue: true, itemLapsed: false } };
    expect(v1_1(silent).missing).toEqual(['exclusions.scopeExceeded', 'exclusions.legalViolation']);
    expect(v1_1({ ...silent, requestedAt: '2026-06-01T12:00:00+08:00' }).clauses).toEqual([
      'exclusion.feedback-overdue',
      'refund.contact-provider',
    ]);
  });
});

describe('package validity is half-open (v1.1)', () => {
  const expiresAt = at(PAID, 3 * DAY_MS);
  const pkg = (requestedAt: string) => ({
    productType: 'rtc_package' as const,
    paidAt: PAID,
    orderAmount: 9900,
    consumedMinutes: 0,
    expiresAt,
    requestedAt,
  });

  it('is expired at its expiry instant, and valid just before it', () => {
    expect(v1_1(pkg(expiresAt))).toMatchObject({
      outcome: 'ineligible',
      clauses: ['rtc.expired'],
      windowClosesAt: expiresAt,
    });
    expect(v1_1(pkg('2026-03-04T11:59:59.999999999+08:00')).outcome).toBe('eligible');
    expect(v1(pkg(expiresAt)).outcome).toBe('eligible');
  });
});

describe('instants compare at their written precision (v1.1)', () => {
  const closes = '2026-03-06T12:00:00+08:00'; // 5 days after PAID
  const saas = (requestedAt: string) => ({
    productType: 'saas' as const,
    paidAt: PAID,
    orderAmount: 1,
    requestedAt,
  });

  it('puts one microsecond after the closing instant outside the window', () => {
    expect(v1_1(saas('2026-03-06T12:00:00.000001+08:00'))).toMatchObject({
      outcome: 'ineligible',
      requestedAt: '2026-03-06T04:00:00.000001Z',
    });
    expect(v1_1(saas(closes)).outcome).toBe('eligible');
    expect(v1(saas('2026-03-06T12:00:00.000001+08:00'))).toMatchObject({
      outcome: 'eligible',
      requestedAt: '2026-03-06T04:00:00.000Z',
    });
  });

  it('carries the payment’s nanoseconds into the window it opens', () => {
    const paidAt = '2026-03-01T12:00:00.000000500+08:00';
    const request = (requestedAt: string) => v1_1({ ...saas(requestedAt), paidAt });
    expect(request('2026-03-06T12:00:00.0000005+08:00').outcome).toBe('eligible');
    expect(request('2026-03-06T12:00:00.000000501+08:00').outcome).toBe('ineligible');
  });

  it('writes the window’s close at the precision of the instant it comes from, not cut to the millisecond', () => {
    const paidAt = '2026-03-01T12:00:00.000000500+08:00';
    expect(v1_1({ ...saas(closes), paidAt }).windowClosesAt).toBe('2026-03-06T04:00:00.0000005Z');
    expect(v1_1(saas(closes)).windowClosesAt).toBe('2026-03-06T04:00:00.000Z');
    // Under v1 the digits below the millisecond were dropped, so the close was too.
    expect(v1({ ...saas(closes), paidAt }).windowClosesAt).toBe('2026-03-06T04:00:00.000Z');
    const pkg = {
      productType: 'rtc_package',
      paidAt: PAID,
      requestedAt: PAID,
      orderAmount: 9900,
      consumedMinutes: 0,
      expiresAt: '2026-03-02T12:00:00.123456789+08:00',
    } as const;
    expect(v1_1(pkg).windowClosesAt).toBe('2026-03-02T04:00:00.123456789Z');
    const guarantee = '2026-04-01T00:00:00.000001+08:00';
    const service = {
      productType: 'service',
      paidAt: PAID,
      requestedAt: PAID,
      orderAmount: 100,
      serviceStatus: 'completed',
      guaranteeEndsAt: guarantee,
    } as const;
    expect(v1_1(service).windowClosesAt).toBe('2026-03-31T16:00:00.000001Z');
  });
});

describe('the rule book as versions', () => {
  it('judges by the newest revision in force unless told', () => {
    const d = decideInput({ productType: 'api' });
    expect(d).toMatchObject({ policyVersion: 'v1', policyRevision: 'v1.1' });
    expect(RULE_BOOK.revisions.map((p) => [p.version, p.revision, p.data.inForceFrom])).toEqual([
      ['v1', 'v1', '2000-01-01T00:00:00+08:00'],
      ['v1', 'v1.1', '2000-01-01T00:00:00+08:00'],
    ]);
  });

  it('picks the version in force at the payment, else at the application', () => {
    const v2 = {
      ...RULE_BOOK.revision('v1.1').data,
      version: 'v2',
      revision: 'v2',
      inForceFrom: '2026-03-02T00:00:00+08:00',
    };
    const book = new PolicyBook([RULE_BOOK.revision('v1').data, RULE_BOOK.revision('v1.1').data, v2]);
    expect(book.inForceAt(Date.parse(PAID)).revision).toBe('v1.1');
    expect(book.inForceAt(Date.parse('2026-03-02T00:00:00+08:00')).revision).toBe('v2');
  });

  it('reads its windows from the revision: a 7-day SaaS draft', () => {
    const draft = loadPolicy({
      ...RULE_BOOK.revision('v1.1').data,
      revision: 'draft-saas-7d',
      windows: { ...RULE_BOOK.revision('v1.1').data.windows, saasGuaranteeDays: 7 },
    });
    expect(draft.saasGuaranteeMs).toBe(7 * DAY_MS);
  });

  it('refuses a draft that is not a policy, naming the field', () => {
    const bad = { ...RULE_BOOK.revision('v1.1').data, windows: { saasGuaranteeDays: -1 } };
    expect(() => loadPolicy(bad)).toThrow(InvalidPolicyError);
    expect(() => loadPolicy(bad)).toThrow(/^windows\.saasGuaranteeDays/);
    expect(() => loadPolicy({ ...RULE_BOOK.revision('v1.1').data, extra: 1 })).toThrow(
      /extra: is not a known field/,
    );
    const moved = { ...RULE_BOOK.revision('v1.1').data, inForceFrom: '2026-01-01T00:00:00+08:00' };
    expect(() => new PolicyBook([RULE_BOOK.revision('v1').data, moved])).toThrow(/a revision never moves it/);
    expect(() => RULE_BOOK.revision('v9')).toThrow(/no revision "v9"; the rule book has v1, v1.1/);
  });

  it('still reads a decision stored before revisions existed, as v1', () => {
    const stored = { ...v1({ productType: 'api' }) } as Record<string, unknown>;
    delete stored.policyRevision;
    expect(DecisionSchema.parse(stored).policyRevision).toBe('v1');
  });
});
