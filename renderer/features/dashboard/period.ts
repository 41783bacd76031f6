import type { DashboardFigures, DashboardQuery } from '../../../shared/model/dashboard';
import type { QueueFilters } from '../../state/queue-query';

export const PRESETS = ['today', 'days7', 'days30', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

const DAY_MS = 86_400_000;
const ZONE_OFFSET_MS = 8 * 3_600_000;

/** The policy-zone (UTC+8) date of an instant, YYYY-MM-DD: the dashboard counts its days. */
export const policyDate = (ms: number) => new Date(ms + ZONE_OFFSET_MS).toISOString().slice(0, 10);

/** The days a preset covers at `now`, today included. */
export function presetPeriod(
  preset: Exclude<Preset, 'custom'>,
  now: number,
): Pick<DashboardQuery, 'from' | 'to'> {
  const days = preset === 'today' ? 1 : preset === 'days7' ? 7 : 30;
  return { from: policyDate(now - (days - 1) * DAY_MS), to: policyDate(now) };
}

/** What a bar or a row stands for, to open its cases in the queue. */
export type Drill =
  | { by: 'outcome'; key: DashboardFigures['byOutcome'][number]['key'] }
  | { by: 'kind'; key: NonNullable<DashboardFigures['byKind'][number]['key']> }
  | { by: 'provider'; key: string }
  | { by: 'agent'; key: string }
  | { by: 'closing'; from: string; to: string };

/**
 * The queue filters that hold a bar's cases: decided in the period with that outcome, kind or
 * provider, or overridden by that agent in it; open work whose window closes that day. A case
 * decided again after the period shows in the queue by its latest decision.
 */
export function drillFilters(
  figures: Pick<DashboardFigures, 'since' | 'before'>,
  drill: Drill,
): QueueFilters {
  const decided = { decidedSince: figures.since, decidedBefore: figures.before };
  switch (drill.by) {
    case 'outcome':
      return { ...decided, latestOutcome: [drill.key] };
    case 'kind':
      return { ...decided, productType: [drill.key] };
    case 'provider':
      return { ...decided, provider: drill.key };
    case 'agent':
      return { ...decided, decidedBy: drill.key, overridden: true };
    case 'closing':
      return { status: ['open', 'pending_customer'], closesAfter: drill.from, closesBefore: drill.to };
  }
}
