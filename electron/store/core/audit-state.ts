import type Database from 'better-sqlite3';
import { createHash, hash } from 'node:crypto';
import { canonicalJson } from './canonical';
import { parseRef } from './refs';

/** What the hashes read through: the store's statements, by shape, so store.ts can import this file. */
interface StoreReads {
  readonly db: Database.Database;
  sql(text: string): Database.Statement;
}

// What each audit row says the data looked like once its change was made, so verify-audit
// can tell a row edited with sqlite3 from one the console wrote. The column lists are fixed:
// a column added later does not change the hash of a row written before it.
const CASE_COLUMNS = [
  'id',
  'customer_name',
  'account_id',
  'contact',
  'order_id',
  'product_name',
  'provider',
  'product_type',
  'facts',
  'status',
  'assignee',
  'latest_outcome',
  'window_closes_at',
  'decided_at',
  'created_at',
  'updated_at',
] as const;
const DECISION_COLUMNS = [
  'id',
  'case_id',
  'recorded_outcome',
  'override_justification',
  'decision',
  'facts',
  'agent',
  'note',
  'decided_at',
] as const;
/**
 * Added later (migration 015) and hashed only when set, so the rows written before it keep
 * their hashes while an override's amount is covered from then on.
 */
const LATER_DECISION_COLUMNS = ['override_amount'] as const;
const NOTE_COLUMNS = ['id', 'case_id', 'author', 'body', 'created_at'] as const;

export const CASE_SELECT = `SELECT ${CASE_COLUMNS.join(', ')} FROM cases`;
/** Each case as the JSON array of its CASE_COLUMNS, which is what caseHash hashes. */
export const CASE_JSON_SELECT = `SELECT json_array(${CASE_COLUMNS.join(', ')}) FROM cases`;
export const DECISION_SELECT = `SELECT ${[...DECISION_COLUMNS, ...LATER_DECISION_COLUMNS].join(', ')} FROM decisions`;
export const NOTE_SELECT = `SELECT ${NOTE_COLUMNS.join(', ')} FROM notes`;
export const SETTINGS_SELECT = 'SELECT key, value FROM settings ORDER BY key';

type Row = Record<string, unknown>;

const sha256 = (text: string) => hash('sha256', text, 'hex');
const hashColumns = (columns: readonly string[], row: Row) =>
  sha256(canonicalJson(columns.map((c) => row[c])));

export const caseHash = (row: Row) => hashColumns(CASE_COLUMNS, row);
export const decisionHash = (row: Row) =>
  hashColumns(
    [...DECISION_COLUMNS, ...LATER_DECISION_COLUMNS.filter((c) => row[c] !== null && row[c] !== undefined)],
    row,
  );
export const noteHash = (row: Row) => hashColumns(NOTE_COLUMNS, row);
export const settingsHash = (rows: Row[]) => sha256(canonicalJson(rows.map((row) => [row.key, row.value])));
/** An import's cases, in id order, as one hash of their hashes. */
export const rangeHash = (caseHashes: readonly string[]) => sha256(caseHashes.join(''));

/** A decision's approval request (state included) and every answer to it, or null without one. */
export function approvalHash(store: StoreReads, decisionId: number): string | null {
  const request = store
    .sql(
      'SELECT decision_id, case_id, approval_key, why, requested_at, state FROM approval_requests WHERE decision_id = ?',
    )
    .raw()
    .get(decisionId) as unknown[] | undefined;
  if (request === undefined) return null;
  const answers = store
    .sql(
      'SELECT id, granted, lead, reason, answered_at FROM approval_answers WHERE decision_id = ? ORDER BY id',
    )
    .raw()
    .all(decisionId) as unknown[][];
  return sha256(canonicalJson([request, answers]));
}

/** The `state` an audit row carries: every part optional, by what the change touched. */
export interface AuditState {
  case?: { before: string | null; after: string };
  cases?: string;
  decision?: string;
  /** The decision's four-eyes request and its answers, when it has one. */
  approval?: string;
  note?: string;
  settings?: string;
}

/**
 * A temp trigger keeps each case row as it was before the first change in a transaction, so
 * the audit row can say what it changed from without the repository code computing it.
 * Per connection; the table is emptied at the start of every write (CaseStore.write).
 */
export function captureCaseStateBefore(db: Database.Database): void {
  db.exec(`
    CREATE TEMP TABLE audit_case_before (${CASE_COLUMNS.map((c) => (c === 'id' ? 'id INTEGER PRIMARY KEY' : c)).join(', ')});
    CREATE TEMP TRIGGER audit_case_capture BEFORE UPDATE ON main.cases BEGIN
      INSERT OR IGNORE INTO audit_case_before
        VALUES (${CASE_COLUMNS.map((c) => `OLD.${c}`).join(', ')});
    END;`);
}

/** The state an audit row about to be appended records; reads inside the change's transaction. */
export function stateOfChange(
  store: StoreReads,
  { caseRef, action, detail }: { caseRef: string | null; action: string; detail: Record<string, unknown> },
): AuditState | undefined {
  const state: AuditState = {};
  const caseId = caseRef === null ? null : parseRef(caseRef);
  if (caseId !== null) {
    const after = store.sql(`${CASE_SELECT} WHERE id = ?`).get(caseId) as Row | undefined;
    const before = store
      .sql(`${CASE_SELECT.replace('FROM cases', 'FROM temp.audit_case_before')} WHERE id = ?`)
      .get(caseId) as Row | undefined;
    if (after !== undefined) {
      // Nothing captured: the case was made by this change, or this change left its row alone
      // (a reply sent, a usage export): then it is as it was.
      const unchanged = before === undefined && action !== 'case.create';
      const afterHash = caseHash(after);
      state.case = {
        before: before !== undefined ? caseHash(before) : unchanged ? afterHash : null,
        after: afterHash,
      };
    }
  }
  if (typeof detail.firstId === 'number' && typeof detail.lastId === 'number') {
    // rangeHash, row by row: an import of a million cases is never held whole (1.3 GB if it were).
    // SQLite writes each row as the JSON array caseHash hashes (CASE_COLUMNS in order), half
    // the time of reading the values out and writing the JSON here; audit-state.test.ts holds
    // the two spellings together.
    const range = createHash('sha256');
    const rows = store.db.prepare(`${CASE_JSON_SELECT} WHERE id BETWEEN ? AND ? ORDER BY id`).pluck();
    for (const json of rows.iterate(detail.firstId, detail.lastId) as Iterable<string>)
      range.update(sha256(json));
    state.cases = range.digest('hex');
  }
  if (typeof detail.decisionId === 'number') {
    const row = store.sql(`${DECISION_SELECT} WHERE id = ?`).get(detail.decisionId) as Row | undefined;
    if (row !== undefined) state.decision = decisionHash(row);
    const approval = approvalHash(store, detail.decisionId);
    if (approval !== null) state.approval = approval;
  }
  if (typeof detail.noteId === 'number') {
    const row = store.sql(`${NOTE_SELECT} WHERE id = ?`).get(detail.noteId) as Row | undefined;
    if (row !== undefined) state.note = noteHash(row);
  }
  // The team server is a setting too: its row hashes them all, as a settings.set row does.
  if (action === 'settings.set' || action === 'team.server') {
    state.settings = settingsHash(store.sql(SETTINGS_SELECT).all() as Row[]);
  }
  return Object.keys(state).length === 0 ? undefined : state;
}

/** Forgets the captured before-states; runs first in every write transaction. */
export function clearCapturedStates(store: StoreReads): void {
  store.sql('DELETE FROM temp.audit_case_before').run();
}
