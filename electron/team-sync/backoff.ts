/** How long to wait before the next sync round. */
export interface SyncSchedule {
  /** Between rounds while the server answers. */
  intervalMs: number;
  /** After the first failure; doubled after each further one, up to `maxBackoffMs`. */
  firstBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_SCHEDULE: SyncSchedule = {
  intervalMs: 30_000,
  firstBackoffMs: 5_000,
  maxBackoffMs: 5 * 60_000,
};

/**
 * The wait before the next round after `failures` rounds in a row could not reach the
 * server: an unreachable server is asked less and less often (a laptop offline for days
 * does not try every few seconds), but never less often than `maxBackoffMs`.
 */
export function nextDelay(schedule: SyncSchedule, failures: number): number {
  if (failures === 0) return schedule.intervalMs;
  const doubled = schedule.firstBackoffMs * 2 ** Math.min(failures - 1, 30);
  return Math.min(doubled, schedule.maxBackoffMs);
}
