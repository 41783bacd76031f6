import { parseInstant, type Instant } from '../time';
import { policyDayOf, type PolicyDay } from './days';
import type { RelayInput } from './schema';
import type { RelayLine } from './types';
import { hundredthsOf, hundredthsToMinutes, type Hundredths } from './units';

/** The profile a task without one is billed at, from RELAY_DEFAULT_PROFILE_FROM on. */
export const RELAY_DEFAULT_PROFILE = '16IN_1080P';
/** From this instant on the task profile became mandatory and a missing one is billed high. */
export const RELAY_DEFAULT_PROFILE_FROM: Instant = parseInstant('2020-06-01T23:00:00+08:00');

interface BilledProfile {
  profile: string | null;
  defaulted: boolean;
}

/**
 * Before the default rule a missing profile was not billed at the top profile, and the input
 * does not say what it was billed at; such minutes are reported under profile null so that
 * an agent looks them up instead of reading a guess.
 */
export function billedProfileOf(profile: string | null | undefined, startedAt: Instant): BilledProfile {
  if (profile !== null && profile !== undefined) return { profile, defaulted: false };
  if (startedAt >= RELAY_DEFAULT_PROFILE_FROM) {
    return { profile: RELAY_DEFAULT_PROFILE, defaulted: true };
  }
  return { profile: null, defaulted: false };
}

interface RelayGroup extends BilledProfile {
  day: PolicyDay;
  hundredths: Hundredths;
}

/** Orders profiles by name, with the unknown (null) profile after the named ones. */
function compareProfiles(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function compareGroups(a: RelayGroup, b: RelayGroup): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  return compareProfiles(a.profile, b.profile) || Number(a.defaulted) - Number(b.defaulted);
}

/**
 * Relay transcoding minutes summed per policy-zone day (of the task's start) and billed
 * profile. Defaulted minutes get their own line beside any explicit minutes of the same
 * profile, so that the line explains why the top profile was billed.
 */
export function summarizeRelay(tasks: readonly RelayInput[]): RelayLine[] {
  const groups = new Map<string, RelayGroup>();
  for (const task of tasks) {
    const startedAt = parseInstant(task.startedAt);
    const billed = billedProfileOf(task.profile, startedAt);
    const day = policyDayOf(startedAt);
    const key = JSON.stringify([day, billed.profile, billed.defaulted]);
    const group = groups.get(key) ?? { day, ...billed, hundredths: 0 };
    group.hundredths += hundredthsOf(task.minutes);
    groups.set(key, group);
  }
  return [...groups.values()].sort(compareGroups).map((group) => ({
    day: group.day,
    profile: group.profile,
    minutes: hundredthsToMinutes(group.hundredths),
    defaulted: group.defaulted,
  }));
}
