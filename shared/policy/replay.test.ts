import { describe, expect, it } from 'vitest';
import type { Facts } from '../model/facts';
import { decideAnswer } from './decide';
import { replayCase } from './replay';
import { RULE_BOOK } from './versions';

const PAID = '2026-03-01T10:00:00+08:00';
const rtc = (extra: Partial<Facts>): Facts => ({
  productType: 'rtc_package',
  paidAt: PAID,
  orderAmount: 100,
  consumedMinutes: 0,
  ...extra,
});
const judgedAt = Date.parse('2026-03-03T02:00:00Z');

describe('replaying a stored case', () => {
  it('reports a case whose stored facts the checks of today refuse, without deciding it', () => {
    // An earlier release accepted a package expiring as it was paid for.
    const result = replayCase(
      { ref: 'RC-000001', facts: rtc({ expiresAt: PAID }), updatedAt: judgedAt, recorded: null },
      RULE_BOOK.revision('v1.1'),
    );
    expect(result).toEqual({
      ref: 'RC-000001',
      change: 'invalid',
      field: 'expiresAt',
      problem: 'must be after paidAt: a package expires after it is bought',
    });
  });

  it('judges at the recorded decision’s instant when the facts carry no requestedAt', () => {
    const expiresAt = '2026-03-03T10:00:00+08:00'; // the judged-at instant itself
    const recorded = {
      outcome: 'eligible' as const,
      refundAmount: 100,
      currency: 'CNY',
      clauses: ['rtc.unsubscribe-window'],
      requestedAt: '2026-03-03T02:00:00.000Z',
      policyVersion: 'v1',
      policyRevision: 'v1',
    };
    const stored = { ref: 'RC-000002', facts: rtc({ expiresAt }), updatedAt: 0, recorded };
    expect(replayCase(stored, RULE_BOOK.revision('v1'))).toEqual({ ref: 'RC-000002', change: 'none' });
    expect(replayCase(stored, RULE_BOOK.revision('v1.1'))).toMatchObject({
      change: 'changed',
      before: { outcome: 'eligible', clauses: ['rtc.unsubscribe-window'], policyRevision: 'v1' },
      after: { outcome: 'ineligible', clauses: ['rtc.expired'], policyRevision: 'v1.1' },
      cause: 'revision',
    });
  });

  it('tells facts changed since the decision apart from a revision that judges it otherwise', () => {
    const requestedAt = '2026-03-03T02:00:00.000Z';
    const recordedUnder = (facts: Facts, revision: 'v1' | 'v1.1') => ({
      ...decideAnswer(facts, { now: Date.parse(requestedAt), policy: RULE_BOOK.revision(revision) }),
      requestedAt,
    });
    const decidedOn = rtc({ expiresAt: '2026-06-01T00:00:00+08:00', orderAmount: 300_000 });
    const lower = { ...decidedOn, orderAmount: 200_000 };
    // Recorded under v1.1 at CNY 3,000.00; the order amount is now 2,000.00: v1.1 gives 2,000.00.
    const facts = replayCase(
      { ref: 'RC-000003', facts: lower, updatedAt: 0, recorded: recordedUnder(lower, 'v1.1') },
      RULE_BOOK.revision('v1.1'),
    );
    expect(facts).toEqual({ ref: 'RC-000003', change: 'none' });
    const edited = replayCase(
      { ref: 'RC-000003', facts: lower, updatedAt: 0, recorded: recordedUnder(decidedOn, 'v1.1') },
      RULE_BOOK.revision('v1.1'),
    );
    expect(edited).toMatchObject({ change: 'changed', cause: 'facts' });
    // Recorded under v1 on the facts as they were (a package expiring at the request, which v1
    // refunds and v1.1 does not); since then the amount changed too.
    const expiring = rtc({ expiresAt: '2026-03-03T10:00:00+08:00', orderAmount: 300_000 });
    const both = replayCase(
      {
        ref: 'RC-000003',
        facts: { ...expiring, orderAmount: 200_000 },
        updatedAt: 0,
        recorded: recordedUnder(expiring, 'v1'),
      },
      RULE_BOOK.revision('v1.1'),
    );
    expect(both).toMatchObject({ change: 'changed', cause: 'facts_and_revision' });
  });
});
