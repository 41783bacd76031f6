/**
 * Exact minute accounting.
 *
 * Billing systems report durations to the hundredth of a minute at most (0.6 s), so input
 * minutes are accepted with up to two decimal places and held as whole hundredths. Package
 * factors are whole quarters (0.25, 0.5, 1, 3.75), so hundredths × quarters is a whole number
 * of 1/400 minutes. Since v1.1 a call is split at package expiries and at midnight, in whole
 * seconds, and a whole second × quarters is a whole number of 1/240 minutes. Package units
 * are therefore 1/1200 minutes (both grids), and call minutes are held in 1/300 minutes
 * (hundredths and seconds): every draw, remainder and sum is integer arithmetic, and a number
 * is made only for output.
 */

/** Largest minutes value accepted anywhere in the input (about 190 years of calls). */
export const MAX_MINUTES = 100_000_000;
/** Largest number of entries accepted in one input list. */
export const MAX_ENTRIES = 100_000;
// With both caps, the largest integer ever formed (a day's relay sum in hundredths,
// 1e10 × 1e5) stays far below Number.MAX_SAFE_INTEGER.

/** Whole 1/400 minutes: the unit of every package balance and draw. */
export type PackageUnits = number;
/** Whole 1/100 minutes: the unit of call and relay durations. */
export type Hundredths = number;

const HUNDREDTHS_PER_MINUTE = 100;
const QUARTERS_PER_MINUTE = 4;
/** Package units (1/1200 minute) per hundredth of a minute at one quarter factor, and per second. */
const UNITS_PER_QUARTER_HUNDREDTH = 3;
const UNITS_PER_QUARTER_SECOND = 5;
const UNITS_PER_MINUTE = 1200;
/** Call units (1/300 minute) per hundredth, and per second. */
const CALL_UNITS_PER_HUNDREDTH = 3;
const CALL_UNITS_PER_SECOND = 5;
const CALL_UNITS_PER_MINUTE = 300;

/** Whole 1/300 minutes: the unit of call and relay durations once they are split. */
export type CallUnits = number;

/** The minutes as whole hundredths, or null when the value has more than two decimals. */
export function toHundredths(minutes: number): Hundredths | null {
  const hundredths = Math.round(minutes * HUNDREDTHS_PER_MINUTE);
  // Comparing back against the input accepts exactly the doubles nearest to a two-decimal value
  // (0.29 × 100 is 28.999…, yet 29 / 100 is 0.29 again) and rejects 0.001.
  return hundredths / HUNDREDTHS_PER_MINUTE === minutes ? hundredths : null;
}

/** The minutes as whole hundredths; the input must already be validated. */
export function hundredthsOf(minutes: number): Hundredths {
  const hundredths = toHundredths(minutes);
  if (hundredths === null) {
    throw new RangeError(`${minutes} minutes has more than two decimals; validate input first`);
  }
  return hundredths;
}

/** A package's size in package units. */
export function packageUnitsOf(minutes: number): PackageUnits {
  return hundredthsOf(minutes) * QUARTERS_PER_MINUTE * UNITS_PER_QUARTER_HUNDREDTH;
}

/** Package units a call of `minutes` draws at a factor of `quarters` quarter-minutes. */
export function convertedUnits(minutes: number, quarters: number): PackageUnits {
  return hundredthsOf(minutes) * quarters * UNITS_PER_QUARTER_HUNDREDTH;
}

/** Package units whole seconds of a call draw at a factor of `quarters` quarter-minutes. */
export function convertedSecondUnits(seconds: number, quarters: number): PackageUnits {
  return seconds * quarters * UNITS_PER_QUARTER_SECOND;
}

export function callUnitsOf(minutes: number): CallUnits {
  return hundredthsOf(minutes) * CALL_UNITS_PER_HUNDREDTH;
}

export function secondsToCallUnits(seconds: number): CallUnits {
  return seconds * CALL_UNITS_PER_SECOND;
}

export function callUnitsToMinutes(units: CallUnits): number {
  return units / CALL_UNITS_PER_MINUTE;
}

/**
 * Call minutes as a person reads them, to the hundredth as bills write them: a call minute
 * held in 1/300 (0.2 s) can be 1.4666…, which no agent should have to read.
 */
export function callMinutesForPeople(minutes: number): number {
  return Math.round(minutes * HUNDREDTHS_PER_MINUTE) / HUNDREDTHS_PER_MINUTE;
}

export function unitsToMinutes(units: PackageUnits): number {
  return units / UNITS_PER_MINUTE;
}
