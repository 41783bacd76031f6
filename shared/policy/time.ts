import { DateTime, FixedOffsetZone } from 'luxon';
import { PROBLEMS } from '../model/plausibility';

/**
 * Calendar arithmetic for the policy happens in this zone, whatever the machine's zone is.
 * The rule book defines it as Asia/Shanghai at UTC+8 with no daylight saving, which is what a
 * fixed +08:00 zone says (tzdata's Asia/Shanghai also knows the summer time of 1986-91, which
 * the rule book rules out). It also spares luxon an Intl lookup per call: a month window
 * costs 5 µs instead of 23.
 */
const POLICY_OFFSET_MINUTES = 8 * 60;
export const POLICY_ZONE = FixedOffsetZone.instance(POLICY_OFFSET_MINUTES);
/** The policy zone's offset as an ISO 8601 time writes it: "+08:00". */
export const POLICY_UTC_OFFSET = POLICY_ZONE.formatOffset(0, 'short');
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch: the one representation of an instant inside the rules. */
export type Instant = number;

export class InstantFormatError extends Error {}

const FORMAT_PROBLEM = PROBLEMS.instantFormat;

/**
 * Parses an ISO 8601 instant that carries its own UTC offset (see `offset` below); only the
 * written offset is applied, no zone rules. Hand-written because Date.parse rolls "Feb 30"
 * over into March, accepts "24:00", and costs several times more on the bulk paths
 * (imports, re-decisions) that parse millions of these.
 */
export function parseInstant(text: string): Instant {
  const reader = new DigitReader(text);
  const year = reader.digits(4, '-');
  const month = reader.digits(2, '-');
  const day = reader.digits(2, 'T');
  const hour = reader.digits(2, ':');
  const minute = reader.digits(2);
  const hasSeconds = reader.optional(':');
  const second = hasSeconds ? reader.digits(2) : 0;
  const millis = hasSeconds ? reader.fraction() : 0;
  const offsetMinutes = reader.offset();
  if (!reader.done()) throw new InstantFormatError(FORMAT_PROBLEM);
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  if (!valid) throw new InstantFormatError(PROBLEMS.notACalendarDate);
  subMillisecondOfLastParse = reader.subMillisecond;
  const local =
    daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
  return local - offsetMinutes * 60_000;
}

const NANOS_SCALE = [1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1];

/**
 * The nanoseconds below the millisecond of the last instant parseInstant read (0 to 999,999).
 * Kept beside the millisecond count rather than in it, since a double cannot hold nanoseconds
 * since 1970 exactly, and read only where instants are compared at their written precision
 * (an extra return object per parse would cost the bulk paths more than the comparisons).
 */
export function lastSubMillisecond(): number {
  return subMillisecondOfLastParse;
}
let subMillisecondOfLastParse = 0;

/** Reads fixed-width fields left to right; any deviation is the one format error. */
class DigitReader {
  at = 0;
  subMillisecond = 0;
  constructor(private readonly text: string) {}

  digits(count: number, separator?: string): number {
    let value = 0;
    for (let end = this.at + count; this.at < end; this.at++) {
      const digit = this.text.charCodeAt(this.at) - 48;
      if (!(digit >= 0 && digit <= 9)) throw new InstantFormatError(FORMAT_PROBLEM);
      value = value * 10 + digit;
    }
    if (separator !== undefined && !this.optional(separator)) throw new InstantFormatError(FORMAT_PROBLEM);
    return value;
  }

  optional(char: string): boolean {
    if (this.text[this.at] !== char) return false;
    this.at++;
    return true;
  }

  /** Up to 9 fraction digits: whole milliseconds returned, the rest kept in `subMillisecond`. */
  fraction(): number {
    this.subMillisecond = 0;
    if (!this.optional('.')) return 0;
    const start = this.at;
    let nanos = 0;
    while (
      this.at - start < 9 &&
      this.text.charCodeAt(this.at) >= 48 &&
      this.text.charCodeAt(this.at) <= 57
    ) {
      nanos = nanos * 10 + (this.text.charCodeAt(this.at) - 48);
      this.at++;
    }
    const read = this.at - start;
    if (read === 0) throw new InstantFormatError(FORMAT_PROBLEM);
    nanos *= NANOS_SCALE[read]!;
    const millis = Math.floor(nanos / 1_000_000);
    this.subMillisecond = nanos - millis * 1_000_000;
    return millis;
  }

  /** Minutes east of UTC, from `Z`, `±HH:MM`, `±HHMM` or `±HH` (all ISO 8601). */
  offset(): number {
    if (this.optional('Z') || this.optional('z')) return 0;
    const sign = this.optional('+') ? 1 : this.optional('-') ? -1 : 0;
    if (sign === 0) throw new InstantFormatError(FORMAT_PROBLEM);
    const hours = this.digits(2);
    let minutes = 0;
    if (!this.done()) {
      this.optional(':');
      minutes = this.digits(2);
    }
    if (hours > 18 || minutes > 59) throw new InstantFormatError(PROBLEMS.notACalendarDate);
    return sign * (hours * 60 + minutes);
  }

  done(): boolean {
    return this.at === this.text.length;
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * The instant as Date.prototype.toISOString writes it ("2026-03-06T02:00:00.000Z"), for
 * years 0 to 9999. Written out because toISOString costs about a microsecond on Node 20,
 * which dominated decide() in the benchmark.
 */
export function formatInstant(instant: Instant): string {
  const days = Math.floor(instant / DAY_MS);
  let rest = instant - days * DAY_MS;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  const { year, month, day } = civilFromDays(days);
  if (year < 0 || year > 9999) return new Date(instant).toISOString();
  const ms = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${ms}Z`;
}

/** The instant as the policy zone's clock shows it, to the second: "2026-03-06T10:00:00+08:00". */
export function formatInPolicyOffset(instant: Instant): string {
  return `${formatInstant(instant + POLICY_OFFSET_MINUTES * 60_000).slice(0, 19)}${POLICY_UTC_OFFSET}`;
}

/** As formatInstant, with the nanoseconds below the millisecond written out when there are any. */
export function formatPreciseInstant(instant: Instant, subMillisecond: number): string {
  const text = formatInstant(instant);
  if (subMillisecond === 0) return text;
  const digits = String(subMillisecond).padStart(6, '0').replace(/0+$/, '');
  return `${text.slice(0, -1)}${digits}Z`;
}

/** Instants at their written precision: milliseconds, then the nanoseconds below them. */
export function isLater(a: Instant, aSub: number, b: Instant, bSub: number): boolean {
  return a > b || (a === b && aSub > bSub);
}

/** The policy's years: an instant outside them is a typing error, not a real order. */
export const EARLIEST_INSTANT: Instant = Date.UTC(1999, 11, 31, 16);
export const LATEST_INSTANT: Instant = Date.UTC(2099, 11, 31, 16);
export const INSTANT_RANGE_PROBLEM = PROBLEMS.instantRange;

export function isInPolicyYears(instant: Instant, subMillisecond: number): boolean {
  return instant >= EARLIEST_INSTANT && !isLater(instant, subMillisecond, LATEST_INSTANT, 0);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's civil_from_days). */
function civilFromDays(daysSinceEpoch: number): { year: number; month: number; day: number } {
  const z = daysSinceEpoch + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** A day window is an exact span: N × 24 hours, with no calendar in between. */
export function addDays(instant: Instant, days: number): Instant {
  return instant + days * DAY_MS;
}

/**
 * Same wall-clock time in the policy zone, M calendar months later, the day clamped to the end
 * of a shorter month (Nov 30 + 3 months = Feb 28, or Feb 29 in a leap year), as luxon's
 * `plus({ months })` does. By hand on the zone's fixed offset: luxon's DateTime objects cost a
 * batch of a million decisions about a tenth of its time (time.test.ts holds the two equal).
 */
export function addMonths(instant: Instant, months: number): Instant {
  const local = instant + POLICY_OFFSET_MINUTES * 60_000;
  const days = Math.floor(local / DAY_MS);
  const { year, month, day } = civilFromDays(days);
  const monthIndex = month - 1 + months;
  const toYear = year + Math.floor(monthIndex / 12);
  const toMonth = monthIndex - Math.floor(monthIndex / 12) * 12 + 1;
  const toDay = Math.min(day, daysInMonth(toYear, toMonth));
  return (daysFromCivil(toYear, toMonth, toDay) - days) * DAY_MS + instant;
}

/**
 * "2026-03-06 10:00" as the policy zone's wall clock shows it; with seconds where they decide
 * the outcome (a request 15 s after a window closes reads "10:00:15", not "10:00").
 */
export function formatInPolicyZone(instant: Instant, { seconds = false } = {}): string {
  const format = seconds ? "yyyy-MM-dd HH:mm:ss 'UTC'ZZ" : "yyyy-MM-dd HH:mm 'UTC'ZZ";
  return DateTime.fromMillis(instant, { zone: POLICY_ZONE }).toFormat(format);
}
