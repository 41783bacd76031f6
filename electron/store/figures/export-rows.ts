import { KINDS } from '../../../shared/model/catalogue';
import { REFUNDING_OUTCOMES_SQL } from '../../../shared/model/decision';
import type { ParsedExportFilter } from '../../../shared/model/export';
import { parseInstant } from '../../../shared/policy';
import { decidedByCondition, uncounted } from '../cases';
import { type CaseStore, InvalidInputError, staleSql } from '../core';
import { recordedAmountSql } from './day-figures';

/** Instants as ISO text at UTC+8 (CSV, JSON) or as epoch milliseconds (XLSX date cells). */
export type InstantsAs = 'iso' | 'ms';

/** One row per matching case, its columns in EXPORT_COLUMNS order. */
export interface ExportQuery {
  columns: string;
  conditions: string[];
  params: (string | number)[];
}

const at = (column: string, as: InstantsAs) =>
  as === 'ms' ? column : `strftime('%Y-%m-%dT%H:%M:%S+08:00', ${column} / 1000, 'unixepoch', '+8 hours')`;
const fact = (path: string) => `json_extract(c.facts, '$.${path}')`;
const flag = (json: string, path: string) =>
  `CASE json_type(${json}, '$.${path}') WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' END`;

/**
 * Everything is computed by SQLite (JSON fields, the clause list, the time format), so the
 * export does no per-row parsing in JavaScript and the same query can be run by the sqlite3
 * shell as the benchmark's baseline.
 */
const PROVIDER_KINDS = Object.entries(KINDS)
  .filter(([, kind]) => kind.refusalsGoToProvider)
  .map(([name]) => `'${name}'`)
  .join(', ');
const decisionFact = (d: string, path: string) => `json_extract(${d}.facts, '$.${path}')`;

/**
 * The clauses the decision of record stands on, as one cell (recordedDecision in
 * shared/policy/recorded.ts derives the same): the rules' own unless overridden; an override to
 * a refund names the cash-only rule when a voucher was used and the invoice's return when one
 * was issued; one to a refusal sends the customer to the provider where the kind's refusals
 * go there; one to needs-info names none. Read from the facts the decision was made on.
 */
const recordedClausesSql = (d: string) => `CASE
    WHEN ${d}.id IS NULL THEN NULL
    WHEN ${d}.override_justification IS NULL
      THEN (SELECT group_concat(value, ';') FROM json_each(${d}.decision, '$.clauses'))
    WHEN ${d}.recorded_outcome IN ${REFUNDING_OUTCOMES_SQL} THEN nullif(
      trim(
        CASE WHEN coalesce(${decisionFact(d, 'voucherAmount')}, 0) > 0 THEN 'refund.cash-only' ELSE '' END || ';' ||
        CASE WHEN json_type(${d}.facts, '$.invoiceIssued') = 'true' THEN 'refund.return-invoice' ELSE '' END,
        ';'),
      '')
    WHEN ${d}.recorded_outcome = 'ineligible' AND ${decisionFact(d, 'productType')} IN (${PROVIDER_KINDS})
      THEN 'refund.contact-provider'
  END`;

const columns = (as: InstantsAs) => `
  'RC-' || printf('%06d', c.id), c.order_id, c.customer_name, c.account_id, c.product_name, c.provider,
  c.product_type, c.status, c.assignee, ${at('c.created_at', as)},
  ${fact('paidAt')}, ${fact('requestedAt')}, ${fact('orderAmount')}, ${fact('voucherAmount')},
  ${fact('currency')}, ${flag('c.facts', 'invoiceIssued')},
  d.recorded_outcome, CASE WHEN d.id IS NULL THEN NULL WHEN d.override_justification IS NULL THEN 'false' ELSE 'true' END,
  ${recordedAmountSql('d')}, json_extract(d.decision, '$.currency'),
  ${recordedClausesSql('d')},
  json_extract(d.decision, '$.policyVersion'), d.agent, ${at('d.decided_at', as)},
  ${at('c.window_closes_at', as)},
  CASE WHEN EXISTS (SELECT 1 FROM approval_requests w WHERE w.case_id = c.id AND w.state = 'waiting')
    THEN 'waiting' END,
  json_extract(d.decision, '$.outcome'), json_extract(d.decision, '$.refundAmount'),
  CASE WHEN d.id IS NULL THEN NULL WHEN ${staleSql('d', 'c')} THEN 'true' ELSE 'false' END`;

function instant(text: string, name: string): number {
  try {
    return parseInstant(text);
  } catch (error) {
    throw new InvalidInputError(`${name}: ${(error as Error).message}`);
  }
}

/** The cases a filter selects with their latest decision. */
export function exportQuery(filter: ParsedExportFilter, as: InstantsAs): ExportQuery {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  const dateColumn = filter.dates === 'created' ? 'c.created_at' : 'c.decided_at';
  if (filter.from !== undefined) conditions.push(`${dateColumn} >= ${instant(filter.from, 'from')}`);
  if (filter.to !== undefined) conditions.push(`${dateColumn} < ${instant(filter.to, 'to')}`);
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (values === undefined || values.length === 0) return;
    conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (filter.closesAfter !== undefined) {
    conditions.push(`c.window_closes_at >= ${instant(filter.closesAfter, 'closesAfter')}`);
  }
  if (filter.closesBefore !== undefined) {
    conditions.push(`c.window_closes_at < ${instant(filter.closesBefore, 'closesBefore')}`);
  }
  anyOf('c.latest_outcome', filter.outcome);
  anyOf('c.product_type', filter.kind);
  anyOf('c.status', filter.status);
  anyOf('c.provider', filter.provider === undefined ? undefined : [filter.provider]);
  anyOf('c.assignee', filter.assignee === undefined ? undefined : [filter.assignee]);
  const decided = decidedByCondition('c.id', {
    agent: filter.decidedBy,
    overridden: filter.overridden,
    ...(filter.dates === 'decided' && filter.from !== undefined
      ? { since: instant(filter.from, 'from') }
      : {}),
    ...(filter.dates === 'decided' && filter.to !== undefined ? { before: instant(filter.to, 'to') } : {}),
  });
  if (decided !== null) {
    conditions.push(decided.sql);
    params.push(...decided.params);
  }
  return { columns: columns(as), conditions, params };
}

// The latest decision that counts: one waiting for a lead's approval, or refused, does not.
const FROM = `FROM cases c LEFT JOIN decisions d ON d.id = (SELECT max(l.id) FROM decisions l
  WHERE l.case_id = c.id AND NOT ${uncounted('l')})`;

/** The whole query as one statement, ordered by id (what the sqlite3 shell runs in the benchmark). */
export function exportSql({ columns, conditions }: ExportQuery): string {
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return `SELECT ${columns} ${FROM} ${where} ORDER BY c.id`;
}

/**
 * The query's rows in pages by id, as arrays: an export of a million cases is read a page
 * at a time, so memory stays bounded and the caller can wait for its output between pages.
 */
export function* exportPages(store: CaseStore, query: ExportQuery, pageSize: number): Generator<unknown[][]> {
  const where = ['c.id > ?', ...query.conditions].join(' AND ');
  // The id goes last so the next page can start after it; it is cut off before the caller sees the row.
  const statement = store.db
    .prepare(`SELECT ${query.columns}, c.id ${FROM} WHERE ${where} ORDER BY c.id LIMIT ${pageSize}`)
    .raw();
  for (let after = 0; ;) {
    const rows = statement.all(after, ...query.params) as unknown[][];
    if (rows.length === 0) return;
    after = rows.at(-1)!.at(-1) as number;
    for (const row of rows) row.length--;
    yield rows;
  }
}
