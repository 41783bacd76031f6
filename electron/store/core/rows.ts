import type { CaseStatus, CaseSummary } from '../../../shared/model/case';
import type { Outcome } from '../../../shared/model/decision';
import type { ProductType } from '../../../shared/model/facts';
import { iso, isoOrNull } from './canonical';
import { ConflictError, NotFoundError } from './errors';
import { formatRef, parseRef, refSql } from './refs';
import type { CaseStore } from './store';

// The case row as SQLite holds it, and the two ways every module reads one. A leaf module, so
// cases, decisions, notes, search and counts can all depend on it without depending on each other.

export interface CaseRow {
  id: number;
  customer_name: string;
  account_id: string;
  contact: string | null;
  order_id: string;
  product_name: string;
  provider: string;
  product_type: ProductType | null;
  facts: string;
  status: CaseStatus;
  assignee: string | null;
  latest_outcome: Outcome | null;
  window_closes_at: number | null;
  decided_at: number | null;
  created_at: number;
  updated_at: number;
  revision: number;
}

/** SQL: the decision under `alias` does not count (it waits for a lead's approval, or a lead refused it). */
export const uncounted = (alias: string) =>
  `EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = ${alias}.id AND r.state <> 'granted')`;

/**
 * SQL: decision `d` no longer reads the facts of its case `c` (isStale() in
 * shared/policy/recorded.ts: the store writes facts with sorted keys, so text compares).
 */
export const staleSql = (d: string, c: string) => `${d}.facts IS NOT ${c}.facts`;

/** SQL: when the first reply of the case row `cases` was marked sent, or NULL before one. */
export const FIRST_REPLY_SQL = `(SELECT min(a.at) FROM audit a WHERE a.case_ref = ${refSql('cases.id')}
  AND a.action = 'reply.sent')`;

// The order amount the queue shows is read out of the facts JSON for the rows of a page only,
// and whether the decision of record (the latest that counts) is stale: null with none. The
// request time and the first reply marked sent are what the service clocks count from.
const AMOUNT_COLUMNS = `json_extract(facts, '$.orderAmount') AS order_amount,
  json_extract(facts, '$.currency') AS currency,
  json_extract(facts, '$.requestedAt') AS requested_at,
  ${FIRST_REPLY_SQL} AS first_reply_at,
  EXISTS (SELECT 1 FROM approval_requests r WHERE r.case_id = cases.id AND r.state = 'waiting') AS waiting_approval,
  (SELECT ${staleSql('d', 'cases')} FROM decisions d WHERE d.case_id = cases.id AND NOT ${uncounted('d')}
    ORDER BY d.id DESC LIMIT 1) AS stale`;

/** What a queue row needs; the rest of the facts JSON stays on disk until a case is opened. */
export const SUMMARY_COLUMNS = `id, customer_name, account_id, order_id, product_name, provider, product_type,
  status, assignee, latest_outcome, window_closes_at, created_at, updated_at, revision, ${AMOUNT_COLUMNS}`;

/** A row as SUMMARY_COLUMNS reads it. */
export type SummaryRow = Omit<CaseRow, 'facts' | 'contact' | 'decided_at'> & {
  order_amount: number | null;
  currency: string | null;
  waiting_approval: number;
  stale: number | null;
  requested_at: string | null;
  first_reply_at: number | null;
};

export function toSummary(row: SummaryRow): CaseSummary {
  return {
    ref: formatRef(row.id),
    customerName: row.customer_name,
    accountId: row.account_id,
    orderId: row.order_id,
    productName: row.product_name,
    provider: row.provider,
    productType: row.product_type,
    status: row.status,
    assignee: row.assignee,
    latestOutcome: row.latest_outcome,
    windowClosesAt: isoOrNull(row.window_closes_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    revision: row.revision,
    orderAmount: row.order_amount,
    currency: row.currency,
    waitingApproval: row.waiting_approval === 1,
    stale: row.stale === 1,
    requestedAt: row.requested_at,
    firstReplyAt: isoOrNull(row.first_reply_at),
  };
}

export function requireCase(store: CaseStore, ref: string): CaseRow & SummaryRow {
  const id = parseRef(ref);
  const row =
    id === null
      ? undefined
      : (store.sql(`SELECT *, ${AMOUNT_COLUMNS} FROM cases WHERE id = ?`).get(id) as CaseRow & SummaryRow);
  if (row === undefined) throw new NotFoundError(`no case ${ref}`);
  return row;
}

/**
 * Refuses a write made on another revision of the case than the stored one: another window,
 * or the CLI or app run in turn on the same file, may have changed it since the writer read it.
 * `seen` is absent only for the store's own callers (imports, benchmarks, tests).
 */
export function requireRevision(row: CaseRow, seen: number | undefined): void {
  if (seen === undefined || seen === row.revision) return;
  throw new ConflictError(
    `${formatRef(row.id)} changed since it was loaded (revision ${seen}, now ${row.revision}); ` +
      'reload it and check before changing it again',
  );
}
