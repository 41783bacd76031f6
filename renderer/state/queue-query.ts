import type { QueueQuery, ViewQuery } from '../../shared/model/queue';
import { HOUR_MS, startOfDay } from '../lib/time';

export const VIEWS = ['open', 'mine', 'closing', 'needsInfo', 'decidedToday', 'all'] as const;
export type View = (typeof VIEWS)[number];

/**
 * The queue filters an agent sets over a view; a saved view is a named set of them. A
 * drill-down from the dashboard adds a period (decided, or a window closing), which a saved
 * view does not keep: dates move.
 */
export type QueueFilters = Partial<ViewQuery> &
  Pick<QueueQuery, 'decidedSince' | 'decidedBefore' | 'closesAfter' | 'closesBefore'>;

const OPEN: QueueQuery['status'] = ['open', 'pending_customer'];

/** The API query of a built-in view at `now`, for the agent `agent`, "today" on the clock of `zone`. */
export function queryFor(view: View, now: number, agent: string, zone: string): QueueQuery {
  switch (view) {
    case 'open':
      return { status: OPEN };
    case 'all':
      return {};
    case 'mine':
      return { status: OPEN, assignee: agent };
    case 'closing':
      // Windows still to close, within the next day: not every window that closed long ago.
      return {
        status: OPEN,
        closesAfter: new Date(now).toISOString(),
        closesBefore: new Date(now + 24 * HOUR_MS).toISOString(),
      };
    case 'needsInfo':
      return { status: OPEN, latestOutcome: ['needs_info'] };
    case 'decidedToday':
      // "Today" on the clock the console shows, not the machine's.
      return { decidedSince: startOfDay(now, zone), sort: 'updated' };
  }
}

/** A view's query with the agent's filters over it; a filter replaces the view's own of that name. */
export function withFilters(query: QueueQuery, filters: QueueFilters): QueueQuery {
  const set = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
  return { ...query, ...set };
}

/** What each order is called, in the label that says which the list is in and the chooser. */
export const SORT_LABEL = {
  deadline: 'queueTools.sortDeadline',
  updated: 'queueTools.sortUpdated',
  breach: 'queueTools.sortBreach',
} as const;

/** The order a query's list is in, for the label that says so. */
export const sortOf = (query: QueueQuery): NonNullable<QueueQuery['sort']> => query.sort ?? 'deadline';
