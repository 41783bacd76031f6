import type { PolicyDay } from './days';

/**
 * Output of the usage explainer. Package minutes are exact to 1/1200 of a minute, call and
 * relay minutes to 1/300 (see units.ts).
 */

/** One policy-zone day's part of a call or relay task (v1.1 splits them at midnight). */
export interface DayPart {
  day: PolicyDay;
  minutes: number;
  /** Package minutes that part asks of the packages (absent for relay tasks). */
  packageMinutes?: number;
  /** Each day's part is settled with its own day, early the next day. */
  settlementDay: PolicyDay;
}

export interface PackageDraw {
  package: string;
  /** Package minutes this record took from the package. */
  minutes: number;
}

export interface UsageLine {
  id: string;
  /** Package minutes per call minute; null when packages do not cover the call (above 1080p). */
  factor: number | null;
  /** Call minutes × factor: what the record asks of the packages (0 when not covered). */
  packageMinutes: number;
  /** In draw order: the package that expires first comes first. */
  draws: PackageDraw[];
  /** Package minutes no valid package had left; billed pay-as-you-go. */
  uncoveredPackageMinutes: number;
  /** The call minutes billed pay-as-you-go, at the call's own tier (the whole call above 1080p). */
  uncoveredCallMinutes: number;
  /** True when any part of the call is billed pay-as-you-go. */
  payAsYouGo: boolean;
  /** The settlement day of the record's start. */
  settlementDay: PolicyDay;
  /** The record per policy-zone day, in day order. */
  days: DayPart[];
}

export interface PackageBalance {
  id: string;
  used: number;
  remaining: number;
}

export interface RelayLine {
  day: PolicyDay;
  /** The profile billed; null for tasks without one from before the default rule applied. */
  profile: string | null;
  minutes: number;
  /** True when the task had no profile and was billed at the default (highest) profile. */
  defaulted: boolean;
}

export interface RelayTaskLine {
  taskId: string;
  startedAt: string;
  profile: string | null;
  defaulted: boolean;
  minutes: number;
  days: DayPart[];
}

export interface UsageBreakdown {
  usage: UsageLine[];
  packages: PackageBalance[];
  relay: RelayLine[];
  relayTasks: RelayTaskLine[];
}
