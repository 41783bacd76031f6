import { DateTime } from 'luxon';

/** Calendar arithmetic for the policy happens in this zone, whatever the machine's zone is. */
export const POLICY_ZONE = 'Asia/Shanghai';
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch: the one representation of an instant inside the rules. */
export type Instant = number;

// Date.parse alone rolls "Feb 30" over into March and accepts "24:00", so the fields are
// range-checked first; the offset itself is left to Date.parse.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

export class InstantFormatError extends Error {}

export function parseInstant(text: string): Instant {
  const m = ISO_INSTANT.exec(text);
  if (m === null) {
    throw new InstantFormatError(
      'must be an ISO 8601 date-time with a UTC offset, e.g. 2026-03-01T10:00:00+08:00',
    );
  }
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = m
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part))) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHour <= 18 &&
    offsetMinute <= 59;
  const instant = valid ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(instant)) throw new InstantFormatError('is not a real calendar date and time');
  return instant;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function formatInstant(instant: Instant): string {
  return new Date(instant).toISOString();
}

/** A day window is an exact span: N × 24 hours, with no calendar in between. */
export function addDays(instant: Instant, days: number): Instant {
  return instant + days * DAY_MS;
}

/**
 * Same wall-clock time in the policy zone, M calendar months later; luxon clamps the day to
 * the end of a shorter month (Nov 30 + 3 months = Feb 28, or Feb 29 in a leap year).
 */
export function addMonths(instant: Instant, months: number): Instant {
  return DateTime.fromMillis(instant, { zone: POLICY_ZONE }).plus({ months }).toMillis();
}

/** "2026-03-06 10:00" as the policy zone's wall clock shows it. */
export function formatInPolicyZone(instant: Instant): string {
  return DateTime.fromMillis(instant, { zone: POLICY_ZONE }).toFormat("yyyy-MM-dd HH:mm 'UTC'ZZ");
}
