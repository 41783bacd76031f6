import type { ProductType } from '../../shared/model/facts';
import { formatRef } from './refs';
import type { CaseStore } from './store';

export interface ReplayFilter {
  /** Cases last changed at or after this instant (ms). */
  since?: number | undefined;
  /** Cases last changed before this instant (ms). */
  until?: number | undefined;
  kind?: ProductType | undefined;
}

/**
 * One stored case as replay needs it: its facts as stored (JSON, checked when written) and
 * the parts of its latest recorded decision that a replay compares. The decision's parts are
 * read by SQLite's JSON functions, so the whole decision (with its trace) is never parsed.
 */
export interface ReplayRow {
  ref: string;
  facts: string;
  updatedAt: number;
  /** Null when the case has no recorded decision yet. */
  decision: {
    outcome: string;
    refundAmount: number | null;
    currency: string;
    /** The clauses as their JSON array text. */
    clausesJson: string;
    requestedAt: string;
    policyVersion: string;
    /** Null for a decision stored before revisions existed: it was made under v1. */
    policyRevision: string | null;
  } | null;
}

interface Row {
  id: number;
  facts: string;
  updated_at: number;
  outcome: string | null;
  refund_amount: number | null;
  currency: string;
  clauses: string;
  requested_at: string;
  policy_version: string;
  policy_revision: string | null;
}

// The latest decision of each case is the one with the highest id (decisions_case index).
const SELECT = `
  SELECT c.id, c.facts, c.updated_at,
    d.decision ->> '$.outcome' AS outcome, d.decision ->> '$.refundAmount' AS refund_amount,
    d.decision ->> '$.currency' AS currency, d.decision -> '$.clauses' AS clauses,
    d.decision ->> '$.requestedAt' AS requested_at, d.decision ->> '$.policyVersion' AS policy_version,
    d.decision ->> '$.policyRevision' AS policy_revision
  FROM cases c
  LEFT JOIN decisions d ON d.id = (SELECT max(id) FROM decisions WHERE case_id = c.id)
  WHERE (:since IS NULL OR c.updated_at >= :since) AND (:until IS NULL OR c.updated_at < :until)
    AND (:kind IS NULL OR c.product_type = :kind)
  ORDER BY c.id`;

/**
 * Streams every stored case matching the filter, oldest first, for judging again under
 * another revision. Read-only: it never writes a row. The connection is busy until the
 * iteration ends (or is left with `return`).
 */
export function* streamCasesForReplay(store: CaseStore, filter: ReplayFilter = {}): Generator<ReplayRow> {
  const rows = store.sql(SELECT).iterate({
    since: filter.since ?? null,
    until: filter.until ?? null,
    kind: filter.kind ?? null,
  }) as IterableIterator<Row>;
  for (const row of rows) {
    yield {
      ref: formatRef(row.id),
      facts: row.facts,
      updatedAt: row.updated_at,
      decision:
        row.outcome === null
          ? null
          : {
              outcome: row.outcome,
              refundAmount: row.refund_amount,
              currency: row.currency,
              clausesJson: row.clauses,
              requestedAt: row.requested_at,
              policyVersion: row.policy_version,
              policyRevision: row.policy_revision,
            },
    };
  }
}
