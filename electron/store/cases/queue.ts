import { CASE_STATUSES, type CaseSummary } from '../../../shared/model/case';
import type { ParsedQueueQuery } from '../../../shared/model/queue';
import { type CaseStore, InvalidInputError, SUMMARY_COLUMNS, type SummaryRow, toSummary } from '../core';
import { decidedByCondition } from './decided-by';
import { nextDueSql } from './service-due';
import { getSettings } from './settings';
import { InstantFormatError, parseInstant } from '../../../shared/policy/time';

export type QueueRequest = ParsedQueueQuery;

export interface QueuePage {
  items: CaseSummary[];
  next: string | null;
  total: number;
}

interface Cursor {
  sort: QueueRequest['sort'];
  key: number;
  id: number;
}

// Each sort walks one index in order and continues after the last row seen (keyset), so a
// page costs the same at the end of the queue as at the start.
const SORTS = {
  deadline: { key: 'deadline_key', direction: 'ASC', after: '(deadline_key, id) > (?, ?)' },
  updated: { key: 'updated_at', direction: 'DESC', after: '(updated_at, id) < (?, ?)' },
} as const;
type Sort = { key: string; direction: 'ASC' | 'DESC'; after: string };

// By the next service clock due: computed per row from the settings' targets (no index can
// hold a key the settings change), so a page sorts the matching cases; none running goes last.
function sortFor(store: CaseStore, sort: QueueRequest['sort']): Sort {
  if (sort !== 'breach') return SORTS[sort];
  const key = `coalesce(${nextDueSql(getSettings(store).serviceTargets)}, ${Number.MAX_SAFE_INTEGER})`;
  return { key, direction: 'ASC', after: `(${key}, id) > (?, ?)` };
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string, sort: Cursor['sort']): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (cursor.sort === sort && Number.isSafeInteger(cursor.key) && Number.isSafeInteger(cursor.id)) {
      return cursor;
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidInputError('after: is not a cursor from a page of this queue and sort');
}

function instant(field: string, text: string): number {
  try {
    return parseInstant(text);
  } catch (error) {
    if (error instanceof InstantFormatError) throw new InvalidInputError(`${field}: ${error.message}`);
    throw error;
  }
}

/** The WHERE terms for cases, or for case_counts (which stores no NULLs) when `counts`. */
function filters(query: QueueRequest, counts = false): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (values === undefined || values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('status', query.status);
  anyOf('product_type', query.productType);
  anyOf('latest_outcome', query.latestOutcome);
  // An empty assignee asks for the unassigned cases.
  if (query.assignee === '' && !counts) where.push('assignee IS NULL');
  else if (query.assignee !== undefined) {
    where.push('assignee = ?');
    params.push(query.assignee);
  }
  if (query.provider !== undefined) {
    where.push('provider = ?');
    params.push(query.provider);
  }
  // On deadline_key (the window, or the largest safe integer for none), so the range is read
  // off the (status, deadline_key) index alone instead of walking every open case before it.
  if (query.closesAfter !== undefined) {
    where.push(`deadline_key >= ? AND deadline_key < ${Number.MAX_SAFE_INTEGER}`);
    params.push(instant('closesAfter', query.closesAfter));
  }
  if (query.closesBefore !== undefined) {
    where.push('deadline_key < ?');
    params.push(instant('closesBefore', query.closesBefore));
  }
  const since = query.decidedSince === undefined ? undefined : instant('decidedSince', query.decidedSince);
  const before =
    query.decidedBefore === undefined ? undefined : instant('decidedBefore', query.decidedBefore);
  // With a drill-down by decision the period bounds those decisions (decidedByCondition), not
  // the case's latest: a case overridden in the period and decided again later is still in it.
  if (since !== undefined && !drivenByDecisions(query)) {
    where.push('decided_at >= ?');
    params.push(since);
  }
  if (before !== undefined && !drivenByDecisions(query)) {
    where.push('decided_at < ?');
    params.push(before);
  }
  const decided = decidedByCondition('id', {
    agent: query.decidedBy,
    overridden: query.overridden,
    since,
    before,
  });
  if (decided !== null) {
    where.push(decided.sql);
    params.push(...decided.params);
  }
  return { where, params };
}

const drivenByDecisions = (query: QueueRequest) =>
  query.decidedBy !== undefined || query.overridden !== undefined;

/** The unary + takes the status index out of SQLite's choice for this statement. */
function unindexStatus(where: string[]): void {
  const index = where.findIndex((term) => term.startsWith('status IN'));
  if (index >= 0) where[index] = `+${where[index]}`;
}

const whereClause = (where: string[]) => (where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`);

/**
 * The cases a drill-down from the dashboard asks for are few beside a status's cases, and may
 * be in any status (a reopened case keeps its decision): walking each status's index in order
 * would read every open case to find none. Such a page starts from them instead and sorts just
 * them: an agent's decisions or the overrides of a period (decidedByCondition, the case by its
 * key: NOT INDEXED still looks rows up by id), or the cases decided in a period (cases_decided).
 */
function narrowSource(query: QueueRequest): string | null {
  if (drivenByDecisions(query)) return 'cases NOT INDEXED';
  if (query.decidedSince !== undefined || query.decidedBefore !== undefined)
    return 'cases INDEXED BY cases_decided';
  return null;
}

function listStatement(query: QueueRequest, sort: Sort): { sql: string; params: unknown[] } {
  const cursor = query.after === undefined ? undefined : decodeCursor(query.after, query.sort);
  const page = (source: string, { where, params }: { where: string[]; params: unknown[] }) => {
    if (cursor !== undefined) {
      where.push(sort.after);
      params.push(cursor.key, cursor.id);
    }
    const sql = `SELECT ${SUMMARY_COLUMNS}, ${sort.key} AS sort_key FROM ${source} ${whereClause(where)}
      ORDER BY ${sort.key} ${sort.direction}, id ${sort.direction} LIMIT ?`;
    return { sql, params: [...params, query.limit + 1] };
  };
  const narrow = narrowSource(query);
  if (narrow !== null) return page(narrow, filters(query));
  // Every other list is read as one walk per status over the (status, key) index, and only the
  // arms' first pages are merged: `status IN (...)` would make SQLite sort every matching
  // case (the agent's open work is open + pending_customer), and no status filter means all
  // four, so the store keeps no index over all cases to maintain on every write.
  const statuses = query.status === undefined || query.status.length === 0 ? CASE_STATUSES : query.status;
  const arms = statuses.map((status) => page('cases', filters({ ...query, status: [status] })));
  const sql =
    arms.length === 1
      ? arms[0]!.sql
      : `${arms.map((arm) => `SELECT * FROM (${arm.sql})`).join(' UNION ALL ')}
         ORDER BY sort_key ${sort.direction}, id ${sort.direction} LIMIT ?`;
  const params = arms.flatMap((arm) => arm.params);
  if (arms.length > 1) params.push(query.limit + 1);
  return { sql, params };
}

export function listCases(store: CaseStore, query: QueueRequest): QueuePage {
  const { sql, params } = listStatement(query, sortFor(store, query.sort));
  const rows = store.sql(sql).all(...params) as (SummaryRow & { sort_key: number })[];
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    next:
      more && last !== undefined ? encodeCursor({ sort: query.sort, key: last.sort_key, id: last.id }) : null,
    total: countCases(store, query),
  };
}

/**
 * The list filters alone are answered from case_counts (a few thousand rows at most); a
 * date or provider filter needs the cases themselves, through the status/deadline, decided
 * or provider index.
 */
function countStatement(query: QueueRequest): { sql: string; params: unknown[] } {
  const dated =
    query.closesBefore !== undefined ||
    query.closesAfter !== undefined ||
    query.decidedSince !== undefined ||
    query.decidedBefore !== undefined ||
    query.decidedBy !== undefined ||
    query.overridden !== undefined ||
    query.provider !== undefined;
  const { where, params } = filters(query, !dated);
  // A period's decided cases, or an agent's decisions, are counted off their own index, not by
  // reading every case of the status (the unary + takes the status index out of the choice).
  const decided = query.decidedSince !== undefined || query.decidedBefore !== undefined;
  if (decided || drivenByDecisions(query)) unindexStatus(where);
  const sql = dated
    ? `SELECT count(*) FROM cases ${whereClause(where)}`
    : `SELECT coalesce(sum(n), 0) FROM case_counts ${whereClause(where)}`;
  return { sql, params };
}

export function countCases(store: CaseStore, query: QueueRequest): number {
  const { sql, params } = countStatement(query);
  return store
    .sql(sql)
    .pluck()
    .get(...params) as number;
}

/** SQLite's plan for a page and its total (EXPLAIN QUERY PLAN), for the tests. */
export function queuePlans(store: CaseStore, query: QueueRequest): Record<'page' | 'total', string[]> {
  const plan = ({ sql, params }: { sql: string; params: unknown[] }) =>
    (store.sql(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
  return { page: plan(listStatement(query, sortFor(store, query.sort))), total: plan(countStatement(query)) };
}
