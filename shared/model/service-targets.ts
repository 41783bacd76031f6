import { z } from 'zod';
import type { CaseSummary } from './case';
import { PRODUCT_TYPES, type ProductType } from './facts';

/**
 * Service targets: beside the refund window, a team answers a request within a first-response
 * target and settles it within a resolution target, both set per product kind and counted
 * from the request. Durations are whole minutes, instants milliseconds since the epoch.
 */
export const SERVICE_CLOCKS = ['firstResponse', 'resolution'] as const;
export type ServiceClock = (typeof SERVICE_CLOCKS)[number];

export const MINUTE_MS = 60_000;

/** A target of up to a year, in whole minutes; at least one. */
const TargetMinutesSchema = z
  .number()
  .int()
  .min(1)
  .max(366 * 24 * 60);

export const KindTargetsSchema = z.strictObject({
  firstResponse: TargetMinutesSchema,
  resolution: TargetMinutesSchema,
});
export type KindTargets = z.output<typeof KindTargetsSchema>;

/** Every kind's targets: a record over an enum requires each kind. */
export const ServiceTargetsSchema = z.record(z.enum(PRODUCT_TYPES), KindTargetsSchema);
export type ServiceTargets = z.output<typeof ServiceTargetsSchema>;

// A working day's first reply and three days to settle; a service order (an engineer's work to
// check) gets five. A team sets its own in Settings.
const STANDARD: KindTargets = { firstResponse: 8 * 60, resolution: 3 * 24 * 60 };
export const DEFAULT_SERVICE_TARGETS: ServiceTargets = {
  saas: STANDARD,
  service: { firstResponse: 8 * 60, resolution: 5 * 24 * 60 },
  image: STANDARD,
  api: STANDARD,
  rtc_package: STANDARD,
};

/** What the clocks of one case read: when it was requested, its kind, its first reply, whether settled. */
export interface ServiceState {
  requestedAt: number | null;
  productType: ProductType | null;
  firstReplyAt: number | null;
  /** Decided or closed: no clock runs on a settled case. */
  settled: boolean;
}

/** A clock still running and the instant it is due. */
export interface ClockDue {
  clock: ServiceClock;
  dueAt: number;
}

/**
 * The clocks still running on a case, first due first. None runs before the request time and
 * the kind are known (a target is per kind), nor on a settled case; the first response stops
 * at the first reply marked sent.
 */
export function runningClocks(state: ServiceState, targets: ServiceTargets): ClockDue[] {
  if (state.settled || state.requestedAt === null || state.productType === null) return [];
  const kind = targets[state.productType];
  const clocks: ClockDue[] = [];
  if (state.firstReplyAt === null)
    clocks.push({ clock: 'firstResponse', dueAt: state.requestedAt + kind.firstResponse * MINUTE_MS });
  clocks.push({ clock: 'resolution', dueAt: state.requestedAt + kind.resolution * MINUTE_MS });
  return clocks.sort((a, b) => a.dueAt - b.dueAt);
}

/** The clock due next (breached or not): what the queue sorts by and the case shows. */
export function nextDue(state: ServiceState, targets: ServiceTargets): ClockDue | null {
  return runningClocks(state, targets)[0] ?? null;
}

/** A clock is breached from its due instant on. */
export const isBreached = (due: ClockDue, now: number): boolean => now >= due.dueAt;

/** The running clocks already breached at `now`. */
export function breaches(state: ServiceState, targets: ServiceTargets, now: number): ClockDue[] {
  return runningClocks(state, targets).filter((due) => isBreached(due, now));
}

/** A queue row's clocks: requested when its facts say, settled once decided or closed. */
export const serviceStateOf = (summary: CaseSummary): ServiceState => ({
  requestedAt: summary.requestedAt === null ? null : Date.parse(summary.requestedAt),
  productType: summary.productType,
  firstReplyAt: summary.firstReplyAt === null ? null : Date.parse(summary.firstReplyAt),
  settled: summary.status === 'decided' || summary.status === 'closed',
});
