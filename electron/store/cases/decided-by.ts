import { uncounted } from '../core';

/** Which decisions a drill-down from the dashboard asks about: by whom, overridden, when. */
export interface DecisionFilter {
  agent?: string | undefined;
  overridden?: boolean | undefined;
  /** Instants (ms), `since` inclusive, `before` exclusive. */
  since?: number | undefined;
  before?: number | undefined;
}

/**
 * The cases with a decision matching the filter, as a condition on the case's id, or null when
 * the filter asks nothing of decisions. Overrides are read off decisions_overrides and an
 * agent's decisions off decisions_agent (migration 012): a range of one agent's or of the
 * overrides' decisions, never every decision.
 */
export function decidedByCondition(
  idColumn: string,
  filter: DecisionFilter,
): { sql: string; params: (string | number)[] } | null {
  if (filter.agent === undefined && filter.overridden !== true) return null;
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.overridden === true) where.push('override_justification IS NOT NULL');
  if (filter.agent !== undefined) {
    where.push('agent = ?');
    params.push(filter.agent);
  }
  if (filter.since !== undefined) {
    where.push('decided_at >= ?');
    params.push(filter.since);
  }
  if (filter.before !== undefined) {
    where.push('decided_at < ?');
    params.push(filter.before);
  }
  // A decision waiting for a lead's approval, or refused by one, is no decision of record: the
  // period report and the dashboard count it nowhere, so no drill-down from them lists it.
  where.push(`NOT ${uncounted('o')}`);
  return { sql: `${idColumn} IN (SELECT o.case_id FROM decisions o WHERE ${where.join(' AND ')})`, params };
}
