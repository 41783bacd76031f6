import fc from 'fast-check';
import { DateTime, FixedOffsetZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../time';
import { factorFor } from './conversion';
import { explainUsage } from './explain';
import { RELAY_DEFAULT_PROFILE_FROM } from './relay';
import type { UsageInput, UsageRecordInput } from './schema';
import { validUsageInput } from './testing';
import type { UsageBreakdown } from './types';
import { toHundredths } from './units';

// Instants on an hourly grid over a few days, so starts often meet purchases and expiries
// exactly, written in assorted offsets so that ordering never leans on the text.
const GRID_START = parseInstant('2026-03-01T00:00:00+08:00');
const HOUR_MS = 60 * 60 * 1000;
const OFFSETS_MINUTES = [0, 480, -420, 330, 840, -720];

const instantOnGrid = (maxHours: number) =>
  fc.integer({ min: 0, max: maxHours }).map((hours) => GRID_START + hours * HOUR_MS);

const isoText = (instant: number) =>
  fc
    .constantFrom(...OFFSETS_MINUTES)
    .map((offset) => DateTime.fromMillis(instant, { zone: FixedOffsetZone.instance(offset) }).toISO() ?? '');

const minutesArb = (maxHundredths: number) =>
  fc.integer({ min: 0, max: maxHundredths }).map((hundredths) => hundredths / 100);

const packageArb = fc
  .record({
    purchasedAt: instantOnGrid(96),
    validHours: fc.integer({ min: 1, max: 72 }),
    minutes: minutesArb(5_000),
  })
  .chain(({ purchasedAt, validHours, minutes }) =>
    fc.record({
      minutes: fc.constant(minutes),
      purchasedAt: isoText(purchasedAt),
      expiresAt: isoText(purchasedAt + validHours * HOUR_MS),
    }),
  );

const callKindArb = fc.oneof(
  fc.constant({ type: 'audio' as const }),
  fc.record({
    type: fc.constant('video' as const),
    resolution: fc.oneof(fc.constantFrom(360, 361, 720, 721, 1080, 1081), fc.integer({ min: 1, max: 2160 })),
  }),
);

const usageArb = fc
  .record({ startedAt: instantOnGrid(168), minutes: minutesArb(2_000), kind: callKindArb })
  .chain(({ startedAt, minutes, kind }) =>
    isoText(startedAt).map((text) => ({ startedAt: text, minutes, ...kind })),
  );

const relayArb = fc
  .record({
    startedAt: fc.integer({
      min: RELAY_DEFAULT_PROFILE_FROM - 2 * HOUR_MS,
      max: RELAY_DEFAULT_PROFILE_FROM + 2 * HOUR_MS,
    }),
    minutes: minutesArb(2_000),
    profile: fc.constantFrom('4IN_720P', '16IN_1080P', null, undefined),
  })
  .chain(({ startedAt, ...rest }) => isoText(startedAt).map((text) => ({ startedAt: text, ...rest })));

const inputArb = fc
  .record({
    packages: fc.array(packageArb, { maxLength: 6 }),
    usage: fc.array(usageArb, { maxLength: 25 }),
    relay: fc.array(relayArb, { maxLength: 8 }),
  })
  .map(({ packages, usage, relay }) =>
    validUsageInput({
      packages: packages.map((pkg, index) => ({ id: `P${index}`, ...pkg })),
      usage: usage.map((record, index) => ({ id: `U${index}`, ...record })),
      relay: relay.map((task, index) => ({ taskId: `T${index}`, ...task })),
    }),
  );

/** Output minutes back to whole 1/1200 minutes (units.ts), checking they lie on that grid. */
function units(minutes: number): number {
  const value = Math.round(minutes * 1200);
  expect(value / 1200).toBe(minutes);
  return value;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function recordsById(input: UsageInput): Map<string, UsageRecordInput> {
  return new Map(input.usage.map((record) => [record.id, record]));
}

function packageValidAt(input: UsageInput, packageId: string, startedAt: string): boolean {
  const pkg = input.packages.find((candidate) => candidate.id === packageId);
  if (pkg === undefined) throw new Error(`unknown package ${packageId}`);
  const start = parseInstant(startedAt);
  return parseInstant(pkg.purchasedAt) <= start && start < parseInstant(pkg.expiresAt);
}

function check(property: (input: UsageInput, breakdown: UsageBreakdown) => void): void {
  fc.assert(
    fc.property(inputArb, (input) => property(input, explainUsage(input))),
    { numRuns: 300 },
  );
}

describe('explainUsage properties', () => {
  it('package minutes drawn + uncovered = call minutes × factor, exactly', () => {
    check((input, breakdown) => {
      const records = recordsById(input);
      for (const line of breakdown.usage) {
        const record = records.get(line.id);
        if (record === undefined) throw new Error(`unknown record ${line.id}`);
        const factor = factorFor(record);
        // 1/1200-minute units: a hundredth at one quarter is 3 of them.
        const expected = factor === null ? 0 : (toHundredths(record.minutes) ?? NaN) * factor.quarters * 3;
        expect(units(line.packageMinutes)).toBe(expected);
        expect(sum(line.days.map((day) => units(day.packageMinutes ?? NaN)))).toBe(expected);
        expect(sum(line.draws.map((draw) => units(draw.minutes))) + units(line.uncoveredPackageMinutes)).toBe(
          expected,
        );
        expect(line.payAsYouGo).toBe(factor === null || line.uncoveredPackageMinutes > 0);
      }
    });
  });

  it('call minutes pay-as-you-go are the uncovered package minutes at the call’s factor, never fewer', () => {
    check((input, breakdown) => {
      const records = recordsById(input);
      for (const line of breakdown.usage) {
        const factor = factorFor(records.get(line.id)!);
        // Call units are 1/300 minute: at q quarters each holds q package units (1/1200 minute).
        const call = Math.round(line.uncoveredCallMinutes * 300);
        const callUnitsOfRecord = (toHundredths(records.get(line.id)!.minutes) ?? NaN) * 3;
        if (factor === null) {
          expect(call).toBe(callUnitsOfRecord);
          continue;
        }
        const short = units(line.uncoveredPackageMinutes);
        // Each piece of a call rounds its part-covered unit up: at most one unit a piece over,
        // and a call is cut only at midnights and at its packages' purchases and expiries.
        const pieces = line.days.length + 2 * input.packages.length;
        expect(call * factor.quarters).toBeGreaterThanOrEqual(short);
        expect(call).toBeLessThanOrEqual(Math.ceil(short / factor.quarters) + pieces);
        expect(call).toBeLessThanOrEqual(callUnitsOfRecord);
      }
    });
  });

  it('no package goes below zero, and what it gave is what the records took', () => {
    check((input, breakdown) => {
      const draws = breakdown.usage.flatMap((line) => line.draws);
      breakdown.packages.forEach((balance, index) => {
        const size = units(input.packages[index]?.minutes ?? NaN);
        expect(balance.id).toBe(input.packages[index]?.id);
        expect(balance.remaining).toBeGreaterThanOrEqual(0);
        expect(units(balance.used) + units(balance.remaining)).toBe(size);
        const taken = draws.filter((draw) => draw.package === balance.id).map((draw) => units(draw.minutes));
        expect(sum(taken)).toBe(units(balance.used));
        expect(taken.every((minutes) => minutes > 0)).toBe(true);
      });
    });
  });

  it('never draws from a package that is expired or not yet bought at the call start', () => {
    check((input, breakdown) => {
      const records = recordsById(input);
      for (const line of breakdown.usage) {
        const startedAt = records.get(line.id)?.startedAt ?? '';
        for (const draw of line.draws) expect(packageValidAt(input, draw.package, startedAt)).toBe(true);
      }
    });
  });

  it('leaves a call uncovered only when every package valid at its start is empty', () => {
    check((input, breakdown) => {
      const records = recordsById(input);
      const remaining = new Map(breakdown.packages.map((balance) => [balance.id, balance.remaining]));
      for (const line of breakdown.usage.filter((candidate) => candidate.uncoveredPackageMinutes > 0)) {
        const startedAt = records.get(line.id)?.startedAt ?? '';
        for (const pkg of input.packages) {
          if (packageValidAt(input, pkg.id, startedAt)) expect(remaining.get(pkg.id)).toBe(0);
        }
      }
    });
  });

  it('draws within one call in expiry order', () => {
    check((input, breakdown) => {
      const expiry = new Map(input.packages.map((pkg) => [pkg.id, parseInstant(pkg.expiresAt)]));
      for (const line of breakdown.usage) {
        const expiries = line.draws.map((draw) => expiry.get(draw.package) ?? NaN);
        expect(expiries).toEqual([...expiries].sort((a, b) => a - b));
      }
    });
  });

  it('serves calls in start order and keeps input order among equal starts', () => {
    check((input, breakdown) => {
      const expected = input.usage
        .map((record) => ({ id: record.id, start: parseInstant(record.startedAt) }))
        .sort((a, b) => a.start - b.start)
        .map((record) => record.id);
      expect(breakdown.usage.map((line) => line.id)).toEqual(expected);
    });
  });

  it('gives the same call lines whatever order the packages are listed in', () => {
    fc.assert(
      fc.property(inputArb, fc.func(fc.integer()), (input, rank) => {
        const shuffled = [...input.packages].sort((a, b) => rank(a.id) - rank(b.id));
        const reordered = validUsageInput({ ...input, packages: shuffled });
        expect(explainUsage(reordered).usage).toEqual(explainUsage(input).usage);
      }),
      { numRuns: 200 },
    );
  });

  it('bills every relay minute once, defaulting only missing profiles from the rule on', () => {
    check((input, breakdown) => {
      // Whole 1/300 minutes: hundredths, and since v1.1 whole seconds of a task split at midnight.
      const total = sum(input.relay.map((task) => (toHundredths(task.minutes) ?? NaN) * 3));
      expect(sum(breakdown.relay.map((line) => Math.round(line.minutes * 300)))).toBe(total);
      const missingBefore = input.relay.some(
        (task) => task.profile == null && parseInstant(task.startedAt) < RELAY_DEFAULT_PROFILE_FROM,
      );
      const missingFrom = input.relay.some(
        (task) => task.profile == null && parseInstant(task.startedAt) >= RELAY_DEFAULT_PROFILE_FROM,
      );
      expect(breakdown.relay.some((line) => line.profile === null)).toBe(missingBefore);
      expect(breakdown.relay.some((line) => line.defaulted)).toBe(missingFrom);
    });
  });
});
