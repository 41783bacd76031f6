import { describe, expect, it } from 'vitest';
import { PRODUCT_TYPES } from '../model/facts';
import { MAX_PLAUSIBLE_AMOUNT } from '../model/plausibility';
import { parseFacts } from './parse-facts';
import { NOW, PAID } from './test-support';

const errorOf = (input: unknown) => {
  const result = parseFacts(input, NOW);
  return result.ok ? null : `${result.error.field}: ${result.error.message}`;
};

describe('invalid facts are errors naming the field', () => {
  it.each([
    [{ productType: 'hardware' }, new RegExp(`^productType: must be one of ${PRODUCT_TYPES.join(', ')}`)],
    [{ orderAmount: -1 }, /^orderAmount: must not be negative/],
    [{ orderAmount: 199.5 }, /^orderAmount: must be a whole number of minor units/],
    [{ orderAmount: '19900' }, /^orderAmount: must be a number/],
    [{ orderAmount: 100, voucherAmount: 101 }, /^voucherAmount: must not exceed orderAmount/],
    [{ voucherAmount: -5 }, /^voucherAmount: must not be negative/],
    [{ paidAt: '2026-03-01T10:00:00' }, /^paidAt: must be an ISO 8601 date-time with a UTC offset/],
    [{ paidAt: '2026-02-30T10:00:00Z' }, /^paidAt: is not a real calendar date/],
    [{ guaranteeEndsAt: 'soon' }, /^guaranteeEndsAt: must be an ISO 8601/],
    [{ paidAt: PAID, requestedAt: '2026-02-28T00:00:00Z' }, /^requestedAt: must not be earlier than paidAt/],
    [{ paidAt: '2031-01-01T00:00:00Z' }, /^paidAt: is later than now/],
    [{ currency: 'yuan' }, /^currency: must be an active ISO 4217 code/],
    [{ currency: 'RMB' }, /^currency: is not an ISO 4217 code; use CNY/],
    [{ currency: 'HRK' }, /^currency: must be an active ISO 4217 code/],
    [{ orderAmount: 1e20 }, /^orderAmount: is too large/],
    [{ orderAmount: 2 ** 53 }, /^orderAmount: is too large/],
    [{ voucherAmount: 1e20 }, /^voucherAmount: is too large/],
    [{ orderAmount: 9e15 }, /^orderAmount: is too large for an order/],
    [{ paidAt: '0001-01-01T00:00:00+08:00' }, /^paidAt: must be between 2000-01-01 and 2100-01-01/],
    [
      { paidAt: PAID, guaranteeEndsAt: '2026-03-01T11:59:59+08:00' },
      /^guaranteeEndsAt: must not be earlier than paidAt/,
    ],
    [{ paidAt: PAID, expiresAt: PAID }, /^expiresAt: must be after paidAt/],
    [{ paidAt: PAID, expiresAt: '2026-02-01T00:00:00Z' }, /^expiresAt: must be after paidAt/],
    [{ paidAt: '1999-12-31T23:59:59+08:00' }, /^paidAt: must be between 2000-01-01 and 2100-01-01/],
    [{ requestedAt: '2100-01-01T00:00:00.000000001+08:00' }, /^requestedAt: must be between 2000-01-01/],
    [{ expiresAt: '2150-01-01T00:00:00Z' }, /^expiresAt: must be between 2000-01-01/],
    [{ consumedMinutes: -1 }, /^consumedMinutes: must not be negative/],
    [{ exclusions: { scopeExceeded: 'yes' } }, /^exclusions\.scopeExceeded: must be true or false/],
    [{ exclusions: { tooLate: true } }, /^exclusions\.tooLate: is not a known field/],
    [{ paidat: PAID }, /^paidat: is not a known field/],
    [[], /^facts: must be an object/],
    [null, /^facts: must be an object/],
  ])('%j', (input, expected) => {
    expect(errorOf(input)).toMatch(expected);
  });

  it('accepts the edges of the policy years and a guarantee that ends as it is paid', () => {
    expect(errorOf({ paidAt: '2000-01-01T00:00:00+08:00' })).toBeNull();
    expect(errorOf({ guaranteeEndsAt: '2100-01-01T00:00:00+08:00', currency: 'USD' })).toBeNull();
    expect(errorOf({ paidAt: PAID, guaranteeEndsAt: PAID, orderAmount: MAX_PLAUSIBLE_AMOUNT })).toBeNull();
    expect(errorOf({ paidAt: '1999-12-31T20:00:00-08:00' })).toBeNull();
  });

  it('treats null as not known yet', () => {
    expect(errorOf({ productType: null, imageInUse: null, exclusions: null })).toBeNull();
  });
});
