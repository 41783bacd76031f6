import { describe, expect, it } from 'vitest';
import { addMonths, formatInPolicyZone, parseInstant } from './time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('month windows in the policy zone', () => {
  it.each([
    ['2026-11-30T10:00:00+08:00', 3, '2027-02-28T02:00:00.000Z'],
    ['2027-11-30T10:00:00+08:00', 3, '2028-02-29T02:00:00.000Z'], // leap year
    ['2099-11-30T10:00:00+08:00', 3, '2100-02-28T02:00:00.000Z'], // 2100 is not a leap year
    ['2026-01-31T23:30:00+08:00', 1, '2026-02-28T15:30:00.000Z'],
    ['2026-03-31T08:00:00+08:00', 3, '2026-06-30T00:00:00.000Z'],
    ['2026-03-01T12:00:00+08:00', 3, '2026-06-01T04:00:00.000Z'],
  ])('%s + %i months = %s', (paid, months, expected) => {
    expect(iso(addMonths(parseInstant(paid), months))).toBe(expected);
  });

  it('uses the wall clock of UTC+8, not of the offset the instant was written in', () => {
    // 2026-01-31 20:00 in New York is already Feb 1 in the policy zone.
    expect(iso(addMonths(parseInstant('2026-01-31T20:00:00-05:00'), 1))).toBe('2026-03-01T01:00:00.000Z');
  });
});

describe('parsing instants', () => {
  it('accepts Z, offsets and fractions, and means the same instant', () => {
    const a = parseInstant('2026-03-01T10:00:00+08:00');
    expect(parseInstant('2026-03-01T02:00:00Z')).toBe(a);
    expect(parseInstant('2026-02-28T21:00:00.000-05:00')).toBe(a);
    expect(parseInstant('2026-03-01T07:30+05:30')).toBe(a);
  });

  it.each([
    '2026-03-01T10:00:00', // no offset
    '2026-03-01',
    '2026-02-30T10:00:00Z', // no such day
    '2026-02-29T10:00:00Z', // not a leap year
    '2026-03-01T24:00:00Z',
    '2026-13-01T10:00:00Z',
    'yesterday',
    '',
  ])('rejects %j', (text) => {
    expect(() => parseInstant(text)).toThrow();
  });

  it('shows an instant on the policy zone clock', () => {
    expect(formatInPolicyZone(parseInstant('2026-03-01T02:00:00Z'))).toBe('2026-03-01 10:00 UTC+08:00');
  });
});
