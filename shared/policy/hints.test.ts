import { describe, expect, it } from 'vitest';
import type { FactsInput } from '../model/facts';
import { counterfactualHints } from './hints';
import { parseFacts } from './parse-facts';
import { NOW } from './test-support';

const PAID = '2026-03-01T10:00:00+08:00';
const hintsFor = (input: FactsInput, language: 'en' | 'zh' = 'en') => {
  const parsed = parseFacts(input, NOW);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return counterfactualHints(parsed.facts, { now: NOW, language });
};

describe('counterfactual hints', () => {
  it('name the window’s close for a late request', () => {
    const late = {
      productType: 'saas',
      paidAt: PAID,
      requestedAt: '2026-03-08T10:00:00+08:00',
      orderAmount: 1,
    } as const;
    expect(hintsFor(late)).toEqual([
      {
        fact: 'requestedAt',
        value: '2026-03-06T02:00:00.000Z',
        outcome: 'eligible',
        text: 'Would have been eligible for a full refund if requested by 2026-03-06 10:00 UTC+08:00.',
      },
    ]);
    expect(hintsFor(late, 'zh')[0]!.text).toBe(
      '若在 2026-03-06 10:00 UTC+08:00 或之前申请，则可以全额退款。',
    );
  });

  it('write the window’s close on the clock the screen gives them', () => {
    const parsed = parseFacts(
      { productType: 'saas', paidAt: PAID, requestedAt: '2026-03-08T10:00:00+08:00', orderAmount: 1 },
      NOW,
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const onUtc = (instant: number) => `${new Date(instant).toISOString().slice(0, 16)} UTC`;
    const [hint] = counterfactualHints(parsed.facts, { now: NOW, formatWhen: onUtc });
    expect(hint!.text).toBe(
      'Would have been eligible for a full refund if requested by 2026-03-06T02:00 UTC.',
    );
  });

  it('say "before" an expiry, which is itself too late', () => {
    const expiresAt = '2026-03-04T10:00:00+08:00';
    const [hint] = hintsFor({
      productType: 'rtc_package',
      paidAt: PAID,
      requestedAt: expiresAt,
      expiresAt,
      consumedMinutes: 0,
      orderAmount: 1,
    });
    expect(hint).toMatchObject({
      fact: 'requestedAt',
      value: '2026-03-04T01:59:59.999Z',
      outcome: 'eligible',
    });
    expect(hint!.text).toContain('if requested before 2026-03-04 10:00');
  });

  it('tell the agent what the customer can do about an image in use', () => {
    const inUse = {
      productType: 'image',
      billingMethod: 'subscription',
      imageInUse: true,
      paidAt: PAID,
      requestedAt: '2026-03-02T10:00:00+08:00',
      orderAmount: 1,
    } as const;
    expect(hintsFor(inUse)).toEqual([
      {
        fact: 'imageInUse',
        value: false,
        outcome: 'eligible',
        text: 'Eligible for a full refund once the instance is stopped or its OS replaced.',
      },
    ]);
  });

  it('flag a question whose every answer gives the same outcome', () => {
    const unknownBilling = {
      productType: 'image',
      paidAt: PAID,
      requestedAt: '2026-03-12T10:00:00+08:00',
    } as const;
    expect(hintsFor(unknownBilling)).toEqual([
      {
        fact: 'billingMethod',
        value: null,
        outcome: 'ineligible',
        text: 'Refusable regardless of the answer to “How was the image billed?”.',
      },
    ]);
  });

  it('name a held exclusion that alone refuses the refund', () => {
    const lapsed = {
      productType: 'service',
      serviceStatus: 'in_progress',
      paidAt: PAID,
      requestedAt: '2026-04-12T10:00:00+08:00',
      guaranteeEndsAt: '2026-12-31T00:00:00+08:00',
      orderAmount: 1,
      exclusions: { scopeExceeded: false, itemLapsed: true, legalViolation: false },
    } as const;
    expect(hintsFor(lapsed)).toMatchObject([
      { fact: 'exclusions.itemLapsed', value: false, outcome: 'eligible' },
    ]);
    expect(hintsFor(lapsed)[0]!.text).toMatch(/^Would be eligible for a full refund if “Service item lapsed/);
  });

  it('give nothing for an eligible decision, and never offer what no single change reaches', () => {
    expect(hintsFor({ productType: 'saas', paidAt: PAID, requestedAt: PAID, orderAmount: 1 })).toEqual([]);
    expect(hintsFor({ productType: 'api' })).toEqual([]);
  });
});
