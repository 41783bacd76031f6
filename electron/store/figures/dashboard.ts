import type { DashboardFigures, ParsedDashboardQuery } from '../../../shared/model/dashboard';
import { type CaseStore, iso } from '../core';
import { dayOf, dayStart } from './day-figures';
import { dayDelays, dayGroups } from './day-figures-read';
import { groupFigures, overrideCost, overrideCounts } from './period';
import { clockDueSql, getSettings } from '../cases';
import type { ServiceClock } from '../../../shared/model/service-targets';

const DAY_MS = 86_400_000;
const ZONE_OFFSET_MS = 8 * 3_600_000;
// The agent's open work: the statuses a closing window still matters to (as closingSoon()).
const OPEN_WORK = ['open', 'pending_customer'] as const;

/** The day number of a policy-zone date (YYYY-MM-DD), and back. */
const dayOfDate = (date: string) => dayOf(Date.parse(`${date}T00:00:00+08:00`));
const dateOfDay = (day: number) => new Date(dayStart(day) + ZONE_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Open work closing on each day from now to the end of the `days`-th day: per status, one
 * range of the covering (status, deadline_key, id) index; nothing beyond the window is read.
 */
function closingByDay(store: CaseStore, now: number, days: number): DashboardFigures['closing'] {
  const today = dayOf(now);
  const until = dayStart(today + days);
  const count = store.sql(
    `SELECT (deadline_key + ${ZONE_OFFSET_MS}) / ${DAY_MS} AS day, count(*) AS n FROM cases
     WHERE status = ? AND deadline_key >= ? AND deadline_key < ? GROUP BY 1`,
  );
  const perDay = new Map<number, number>();
  for (const status of OPEN_WORK) {
    for (const row of count.all(status, now, until) as { day: number; n: number }[])
      perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.n);
  }
  const byDay = Array.from({ length: days }, (_, index) => {
    const day = today + index;
    return {
      day: dateOfDay(day),
      from: iso(Math.max(now, dayStart(day))),
      to: iso(dayStart(day + 1)),
      n: perDay.get(day) ?? 0,
    };
  });
  return { total: byDay.reduce((sum, entry) => sum + entry.n, 0), byDay };
}

/** Open work per service clock breached at `now`, by the targets in the settings. */
function breachesNow(store: CaseStore, now: number): DashboardFigures['breaches'] {
  const targets = getSettings(store).serviceTargets;
  const count = (clock: ServiceClock) =>
    store
      .sql(
        `SELECT count(*) FROM cases WHERE status IN (${OPEN_WORK.map(() => '?').join(', ')})
        AND ${clockDueSql(targets, clock)} <= ?`,
      )
      .pluck()
      .get(...OPEN_WORK, now) as number;
  return { firstResponse: count('firstResponse'), resolution: count('resolution') };
}

/**
 * The dashboard's figures for whole policy-zone days, from the per-day aggregates; the
 * overrides as the period report counts them (a walk of the period's overrides alone).
 */
export function dashboardFigures(store: CaseStore, query: ParsedDashboardQuery): DashboardFigures {
  const span = { from: dayOfDate(query.from), to: dayOfDate(query.to) + 1 };
  const range = { from: dayStart(span.from), to: dayStart(span.to) };
  return {
    query,
    since: iso(dayStart(span.from)),
    before: iso(dayStart(span.to)),
    ...groupFigures(dayGroups(store, span)),
    overridesByAgent: overrideCounts(store, range),
    overrideCost: overrideCost(store, range),
    requestToDecision: dayDelays(store, span),
    closing: closingByDay(store, store.now(), query.closingDays),
    breaches: breachesNow(store, store.now()),
  };
}
