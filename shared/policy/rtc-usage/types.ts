import type { PolicyDay } from './days';

/** Output of the usage explainer. All minutes are numbers, exact to 1/400 of a minute. */

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
  /** True when any part of the call is billed pay-as-you-go. */
  payAsYouGo: boolean;
  settlementDay: PolicyDay;
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

export interface UsageBreakdown {
  usage: UsageLine[];
  packages: PackageBalance[];
  relay: RelayLine[];
}
