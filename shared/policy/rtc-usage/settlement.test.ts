import { describe, expect, it } from 'vitest';
import { parseInstant } from '../time';
import { policyDayOf } from './days';
import { settlementDayOf } from './settlement';

describe('settlementDayOf', () => {
  it.each([
    ['the last second of a day (UTC+8)', '2026-03-01T23:59:59+08:00', '2026-03-01', '2026-03-02'],
    ['the first instant of the next day', '2026-03-02T00:00:00+08:00', '2026-03-02', '2026-03-03'],
    [
      'an instant given in UTC, already the next day in UTC+8',
      '2026-03-01T17:30:00Z',
      '2026-03-02',
      '2026-03-03',
    ],
    ['an instant given in another offset', '2026-03-01T08:00:00-08:00', '2026-03-02', '2026-03-03'],
    ['the end of February in a leap year', '2028-02-28T12:00:00+08:00', '2028-02-28', '2028-02-29'],
    ['the end of a year', '2026-12-31T23:00:00+08:00', '2026-12-31', '2027-01-01'],
  ])('a call started at %s (%s) is on day %s, settled on %s', (_what, startedAt, day, settled) => {
    const instant = parseInstant(startedAt);
    expect(policyDayOf(instant)).toBe(day);
    expect(settlementDayOf(instant)).toBe(settled);
  });
});
