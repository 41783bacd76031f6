import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { addMonths, DAY_MS, formatInPolicyZone, formatInstant, parseInstant, POLICY_ZONE } from './time';

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

  it('agrees with luxon month arithmetic in the policy zone, backwards and forwards', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -40, max: 40 }),
        (instant, months) => {
          const expected = DateTime.fromMillis(instant, { zone: POLICY_ZONE }).plus({ months }).toMillis();
          expect(addMonths(instant, months)).toBe(expected);
        },
      ),
      { numRuns: 20_000 },
    );
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
    expect(parseInstant('2026-03-01T02:00:00.000999999Z')).toBe(a);
    expect(parseInstant('2026-03-01T10:00:00+0800')).toBe(a);
    expect(parseInstant('2026-03-01T10:00:00+08')).toBe(a);
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
    '2026-03-01T10:00:00.+08:00', // fraction without digits
    '2026-03-01T10:00:00+08:0', // offset cut short
    '2026-03-01T10:00:00+8',
    '2026-03-01T10:00:00+19:00', // no such offset
    '2026-03-01T10:00:00Z junk',
    '2026-03-01 10:00:00Z',
    '+02026-03-01T10:00:00Z',
  ])('rejects %j', (text) => {
    expect(() => parseInstant(text)).toThrow();
  });

  it('shows an instant on the policy zone clock', () => {
    expect(formatInPolicyZone(parseInstant('2026-03-01T02:00:00Z'))).toBe('2026-03-01 10:00 UTC+08:00');
  });
});

describe('the hand-written parser and formatter agree with Date', () => {
  const FIRST = Date.parse('0000-01-01T00:00:00Z');
  const LAST = Date.parse('9999-12-31T23:59:59.999Z');

  it('formats every instant of years 0 to 9999 as toISOString does', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (ms) => {
        expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('parses every valid instant, in any offset, as Date.parse does', () => {
    const offset = fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 18 }), fc.integer({ min: 0, max: 59 }))
        .map(([sign, h, m]) => `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST + 2 * DAY_MS, max: LAST - 2 * DAY_MS }),
        offset,
        fc.boolean(),
        (ms, zone, withMillis) => {
          const written = new Date(ms).toISOString().slice(0, withMillis ? 23 : 19) + zone;
          expect(parseInstant(written)).toBe(Date.parse(written));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
