import type { CaseStatus } from '../../../shared/model/case';
import type { Outcome } from '../../../shared/model/decision';
import type { ProductType } from '../../../shared/model/facts';
import type { RecordedGist } from '../../../shared/policy/replay';
import type { PeriodRange } from './period';
import { uncounted } from '../cases';
import { type CaseStore, formatRef } from '../core';

export interface ReplayFilter {
  /** Cases last changed at or after this instant (ms). */
  since?: number | undefined;
  /** Cases last changed before this instant (ms). */
  until?: number | undefined;
  kind?: ProductType | undefined;
  /** Decided and closed cases only if last changed at or after this instant (ms); others always. */
  settledSince?: number | undefined;
  /** Cases after this id only: where the previous page of a paged replay stopped. */
  afterId?: number | undefined;
  /** Cases up to this id only: the last case when a paged replay began. */
  throughId?: number | undefined;
}

/**
 * One stored case as replay needs it: its facts as stored (JSON, checked when written) and
 * the parts of its latest recorded decision that a replay compares. SQLite picks those parts
 * out of the decision in one json_extract, so the whole decision (with its trace) is never
 * parsed in JavaScript.
 */
export interface ReplayRow {
  /** The case's id: the keyset cursor of a paged replay. */
  id: number;
  ref: string;
  status: CaseStatus;
  facts: string;
  updatedAt: number;
  /** Null when the case has no recorded decision yet. */
  decision: RecordedGist | null;
}

/** A row as SQLite returns it, in the SELECT's column order (raw mode: no object per row). */
type Row = [id: number, status: CaseStatus, facts: string, updatedAt: number, gist: string | null];

// The latest decision of each case is the one with the highest id (decisions_case index) of
// those that count: one waiting for a lead's approval, or refused, does not (team mode).
const LATEST_COUNTING = (alias: string) =>
  `(SELECT max(l.id) FROM decisions l WHERE l.case_id = ${alias} AND NOT ${uncounted('l')})`;
const SELECT = `
  SELECT c.id, c.status, c.facts, c.updated_at,
    json_extract(d.decision, '$.outcome', '$.refundAmount', '$.currency', '$.clauses', '$.requestedAt',
      '$.policyVersion', '$.policyRevision') AS gist
  FROM cases c
  LEFT JOIN decisions d ON d.id = ${LATEST_COUNTING('c.id')}
  WHERE (:since IS NULL OR c.updated_at >= :since) AND (:until IS NULL OR c.updated_at < :until)
    AND (:kind IS NULL OR c.product_type = :kind)
    AND (:settledSince IS NULL OR c.status NOT IN ('decided', 'closed') OR c.updated_at >= :settledSince)
    AND c.id > :afterId AND c.id <= :throughId
  ORDER BY c.id`;

// The cases whose latest decision was recorded in [from, to), walked over decisions_decided.
const SELECT_DECIDED = `
  SELECT c.id, c.status, c.facts, c.updated_at,
    json_extract(d.decision, '$.outcome', '$.refundAmount', '$.currency', '$.clauses', '$.requestedAt',
      '$.policyVersion', '$.policyRevision') AS gist
  FROM decisions d JOIN cases c ON c.id = d.case_id
  WHERE d.decided_at >= :from AND d.decided_at < :to
    AND d.id = ${LATEST_COUNTING('d.case_id')}
    AND (:kinds IS NULL OR c.product_type IN (SELECT value FROM json_each(:kinds)))
    AND (:provider IS NULL OR c.provider = :provider) AND (:agent IS NULL OR d.agent = :agent)
  ORDER BY c.id`;

type GistArray = [Outcome, number | null, string, string[], string, string, string | null];

// Read by index, not destructured: this runs once per stored case of a replay.
function toGist(json: string): RecordedGist {
  const gist = JSON.parse(json) as GistArray;
  return {
    outcome: gist[0],
    refundAmount: gist[1],
    currency: gist[2],
    clauses: gist[3],
    requestedAt: gist[4],
    policyVersion: gist[5],
    policyRevision: gist[6],
  };
}

/**
 * Streams every stored case matching the filter, oldest first, for judging again under
 * another revision. Read-only: it never writes a row. The connection is busy until the
 * iteration ends (or is left with `return`).
 */
export function streamCasesForReplay(store: CaseStore, filter: ReplayFilter = {}): Generator<ReplayRow> {
  const rows = store
    .sql(SELECT)
    .raw(true)
    .iterate({
      since: filter.since ?? null,
      until: filter.until ?? null,
      kind: filter.kind ?? null,
      settledSince: filter.settledSince ?? null,
      afterId: filter.afterId ?? 0,
      throughId: filter.throughId ?? Number.MAX_SAFE_INTEGER,
    }) as IterableIterator<Row>;
  return replayRowsOf(rows);
}

/**
 * As streamCasesForReplay, for the cases whose latest decision was recorded in [from, to):
 * what a period report asks a newer revision about.
 */
export function streamDecidedCasesForReplay(store: CaseStore, range: PeriodRange): Generator<ReplayRow> {
  const rows = store
    .sql(SELECT_DECIDED)
    .raw(true)
    .iterate({
      from: range.from,
      to: range.to,
      kinds: range.kinds === undefined || range.kinds.length === 0 ? null : JSON.stringify(range.kinds),
      provider: range.provider ?? null,
      agent: range.agent ?? null,
    }) as IterableIterator<Row>;
  return replayRowsOf(rows);
}

// Both queries select id, status, facts, updated_at and the decision's gist, in that order.
function* replayRowsOf(rows: IterableIterator<Row>): Generator<ReplayRow> {
  for (const row of rows) {
    const id = row[0];
    const gist = row[4];
    yield {
      id,
      ref: formatRef(id),
      status: row[1],
      facts: row[2],
      updatedAt: row[3],
      decision: gist === null ? null : toGist(gist),
    };
  }
}

/** The highest case id in the store (0 when it has none): where a paged replay ends. */
export function lastCaseId(store: CaseStore): number {
  return (store.sql('SELECT coalesce(max(id), 0) AS id FROM cases').get() as { id: number }).id;
}
