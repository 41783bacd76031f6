import type { ExportFilter } from '../../../shared/model/export';
import type { QueueQuery } from '../../../shared/model/queue';

/**
 * The export filter that selects what a queue query lists (paging and order aside): an export
 * of a view holds the same cases the view shows.
 */
export function exportFilterFor(query: QueueQuery): ExportFilter {
  return {
    dates: 'decided',
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.productType === undefined ? {} : { kind: query.productType }),
    ...(query.latestOutcome === undefined ? {} : { outcome: query.latestOutcome }),
    ...(query.assignee === undefined || query.assignee === '' ? {} : { assignee: query.assignee }),
    ...(query.provider === undefined ? {} : { provider: query.provider }),
    ...(query.closesAfter === undefined ? {} : { closesAfter: query.closesAfter }),
    ...(query.closesBefore === undefined ? {} : { closesBefore: query.closesBefore }),
    ...(query.decidedSince === undefined ? {} : { from: query.decidedSince }),
    ...(query.decidedBefore === undefined ? {} : { to: query.decidedBefore }),
    ...(query.decidedBy === undefined ? {} : { decidedBy: query.decidedBy }),
    ...(query.overridden === undefined ? {} : { overridden: query.overridden }),
  };
}

/** The base name an export of a view is offered under, e.g. refund-cases-open-2026-03-01.csv. */
export function exportFileName(view: string, format: string, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return `refund-cases-${view}-${day}.${format}`;
}
