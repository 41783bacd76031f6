import { afterAll, describe, expect, it } from 'vitest';
import type { FactsInput } from '../model/facts';
import { at, decideInput, PAID } from './test-support';
import { DAY_MS } from './time';

/** Zones chosen to straddle the date line, half-hour offsets and daylight saving. */
const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'America/Los_Angeles',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Kolkata',
  'Europe/London',
];

const SCENARIOS: FactsInput[] = [
  { productType: 'saas', paidAt: PAID, requestedAt: at(PAID, 5 * DAY_MS), orderAmount: 100 },
  { productType: 'saas', paidAt: PAID, requestedAt: at(PAID, 5 * DAY_MS + 1), orderAmount: 100 },
  {
    productType: 'image',
    billingMethod: 'subscription',
    imageInUse: true,
    paidAt: '2026-03-08T01:30:00-08:00',
    requestedAt: '2026-03-10T00:00:00Z',
    orderAmount: 100,
  },
  {
    productType: 'rtc_package',
    consumedMinutes: 0,
    paidAt: '2026-10-25T00:30:00+01:00',
    requestedAt: '2026-11-01T00:29:59.999+01:00',
    orderAmount: 100,
  },
  // The 3-month mark on a month-end payment, across a leap day.
  ...['2028-02-29T09:59:59.999+08:00', '2028-02-29T10:00:00+08:00'].map((requestedAt) => ({
    productType: 'service' as const,
    serviceStatus: 'in_progress' as const,
    guaranteeEndsAt: '2029-01-01T00:00:00Z',
    paidAt: '2027-11-30T10:00:00+08:00',
    requestedAt,
    orderAmount: 100,
  })),
];

describe('the machine time zone never changes an answer', () => {
  const original = process.env.TZ;
  afterAll(() => {
    process.env.TZ = original;
  });

  process.env.TZ = 'UTC';
  const expected = SCENARIOS.map((facts) => decideInput(facts));

  it.each(ZONES)('TZ=%s', (zone) => {
    process.env.TZ = zone;
    // Proves the zone switch reached the runtime, so the comparison means something.
    const offset = new Date('2026-01-15T00:00:00Z').getTimezoneOffset();
    expect(zone === 'UTC' || zone === 'Europe/London' ? offset === 0 : offset !== 0).toBe(true);
    expect(SCENARIOS.map((facts) => decideInput(facts))).toEqual(expected);
  });

  it('puts the month mark where the policy zone says', () => {
    expect(expected.slice(-2).map((d) => d.missing.length)).toEqual([3, 6]); // v1.1 also asks about a lapsed item
  });
});
