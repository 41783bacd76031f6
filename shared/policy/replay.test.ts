import { describe, expect, it } from 'vitest';
import type { Facts } from '../model/facts';
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
    });
  });
});
