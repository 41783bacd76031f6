import { parseInstant, type Instant } from '../time';
import type { Policy } from '../versions';
import { policyDayOf, type PolicyDay } from './days';
import type { RelayInput } from './schema';
import { settlementDayOf } from './settlement';
import { Cuts, durationMsOf } from './split';
import type { RelayLine, RelayTaskLine } from './types';
import { callUnitsOf, callUnitsToMinutes, hundredthsOf, secondsToCallUnits, type CallUnits } from './units';

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
export function billedProfileOf(
  profile: string | null | undefined,
  startedAt: Instant,
  policy: Pick<Policy['usage'], 'relayDefaultProfile' | 'relayDefaultProfileFrom'> = {
    relayDefaultProfile: RELAY_DEFAULT_PROFILE,
    relayDefaultProfileFrom: RELAY_DEFAULT_PROFILE_FROM,
  },
): BilledProfile {
  if (profile !== null && profile !== undefined) return { profile, defaulted: false };
  if (startedAt >= policy.relayDefaultProfileFrom) {
    return { profile: policy.relayDefaultProfile, defaulted: true };
  }
  return { profile: null, defaulted: false };
}

interface RelayGroup extends BilledProfile {
  day: PolicyDay;
  units: CallUnits;
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

/** A task's minutes per policy-zone day: split at midnight since v1.1, all on its start day before. */
function taskDays(
  task: RelayInput,
  startedAt: Instant,
  split: boolean,
): { day: PolicyDay; units: CallUnits }[] {
  const total = callUnitsOf(task.minutes);
  if (!split) return [{ day: policyDayOf(startedAt), units: total }];
  const cuts = new Cuts(startedAt, durationMsOf(hundredthsOf(task.minutes)));
  cuts.atMidnights();
  let soFar = 0;
  return cuts.pieces().map((piece) => {
    const units = piece.seconds === null ? total - soFar : secondsToCallUnits(piece.seconds);
    soFar += units;
    return { day: policyDayOf(startedAt + piece.from), units };
  });
}

/**
 * Relay transcoding minutes summed per policy-zone day and billed profile ("accumulated
 * processing time on the day"), and each task with its per-day split. Defaulted minutes get
 * their own line beside any explicit minutes of the same profile, so that the line explains
 * why the top profile was billed. The profile is the task's, judged at its start.
 */
export function summarizeRelay(
  tasks: readonly RelayInput[],
  policy: Policy,
): { lines: RelayLine[]; tasks: RelayTaskLine[] } {
  const groups = new Map<string, RelayGroup>();
  const taskLines: RelayTaskLine[] = [];
  for (const task of tasks) {
    const startedAt = parseInstant(task.startedAt);
    const billed = billedProfileOf(task.profile, startedAt, policy.usage);
    const days = taskDays(task, startedAt, policy.usage.splitAtBoundaries);
    for (const { day, units } of days) {
      const key = JSON.stringify([day, billed.profile, billed.defaulted]);
      const group = groups.get(key) ?? { day, ...billed, units: 0 };
      group.units += units;
      groups.set(key, group);
    }
    taskLines.push({
      taskId: task.taskId,
      startedAt: task.startedAt,
      ...billed,
      minutes: task.minutes,
      days: days.map(({ day, units }) => ({
        day,
        minutes: callUnitsToMinutes(units),
        settlementDay: settlementDayOf(parseInstant(`${day}T00:00:00+08:00`)),
      })),
    });
  }
  const lines = [...groups.values()].sort(compareGroups).map((group) => ({
    day: group.day,
    profile: group.profile,
    minutes: callUnitsToMinutes(group.units),
    defaulted: group.defaulted,
  }));
  return { lines, tasks: taskLines };
}
