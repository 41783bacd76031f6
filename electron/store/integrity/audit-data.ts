import type Database from 'better-sqlite3';
import {
  approvalHash,
  type AuditState,
  CASE_SELECT,
  caseHash,
  type CaseStore,
  DECISION_SELECT,
  decisionHash,
  formatRef,
  migrate,
  NOTE_SELECT,
  noteHash,
  openDatabase,
  parseRef,
  rangeHash,
  SETTINGS_SELECT,
} from '../core';
import { SettingsTrail } from './audit-settings';

type Row = Record<string, unknown>;

/** What the trail says a case should hold now: a state hash, "not recorded", or an import's. */
type Expected = string | typeof LEGACY | { importIndex: number };
const LEGACY = Symbol('written before audit rows carried state');

interface ImportRecord {
  seq: number;
  first: number;
  last: number;
  hash: string;
  /** Each case's hash at import: the `before` of its first later change, else its row now. */
  atImport: Map<number, string>;
}

interface RowRecord {
  seq: number;
  hash: string | undefined;
}

const MAX_LISTED = 20;
const GUARD_TRIGGERS = [
  'decisions_no_update',
  'decisions_no_delete',
  'audit_no_update',
  'audit_no_delete',
  'approval_requests_no_delete',
  'approval_requests_state_only',
  'approval_answers_no_update',
  'approval_answers_no_delete',
];

/**
 * Checks the data against the trail: every case, decision and note must be what its last
 * audit row says it became, nothing may exist that no row created, nothing a row created may
 * be gone, and the guard triggers must be in place. Rows written before audit rows carried
 * state are checked for existence only.
 */
export function dataProblems(store: CaseStore): string[] {
  const problems: string[] = [];
  const cases = new Map<number, Expected>();
  const imports: ImportRecord[] = [];
  const decisions = new Map<number, RowRecord>();
  const notes = new Map<number, RowRecord>();
  const approvals = new Map<number, RowRecord>();
  const settings = new SettingsTrail();

  const trail = store.db
    .prepare('SELECT seq, case_ref, action, detail FROM audit ORDER BY seq')
    .iterate() as Iterable<{
    seq: number;
    case_ref: string | null;
    action: string;
    detail: string;
  }>;
  for (const { seq, case_ref, action, detail: text } of trail) {
    const detail = JSON.parse(text) as Record<string, unknown> & { state?: AuditState };
    const state = detail.state;
    if (
      action === 'cases.import' &&
      typeof detail.firstId === 'number' &&
      typeof detail.lastId === 'number'
    ) {
      const expected: Expected =
        state?.cases === undefined
          ? LEGACY
          : {
              importIndex:
                imports.push({
                  seq,
                  first: detail.firstId,
                  last: detail.lastId,
                  hash: state.cases,
                  atImport: new Map(),
                }) - 1,
            };
      for (let id = detail.firstId; id <= detail.lastId; id++) cases.set(id, expected);
    }
    const caseId = case_ref === null ? null : parseRef(case_ref);
    if (caseId !== null) {
      const before = cases.get(caseId);
      if (state?.case === undefined) cases.set(caseId, LEGACY);
      else {
        // Releases before this one wrote no "before" for a change that left the row alone (a
        // reply sent, a usage export): it was what the row still is after. Only a creation
        // says the case did not exist.
        const claimed = state.case.before ?? (action === 'case.create' ? null : state.case.after);
        if (typeof before === 'object') imports[before.importIndex]!.atImport.set(caseId, claimed ?? '');
        else if (typeof before === 'string' && claimed !== before) {
          problems.push(`case ${case_ref} was changed outside the console before audit row ${seq}`);
        }
        cases.set(caseId, state.case.after);
      }
    }
    if (typeof detail.decisionId === 'number') {
      decisions.set(detail.decisionId, { seq, hash: state?.decision });
      approvals.set(detail.decisionId, { seq, hash: state?.approval });
    }
    if (typeof detail.noteId === 'number') notes.set(detail.noteId, { seq, hash: state?.note });
    settings.read(action, detail, state?.settings);
  }

  for (const row of store.db.prepare(`${CASE_SELECT} ORDER BY id`).iterate() as Iterable<Row>) {
    const id = row.id as number;
    const expected = cases.get(id);
    cases.delete(id);
    if (expected === undefined)
      problems.push(`case ${formatRef(id)} has no audit row: it was added outside the console`);
    else if (typeof expected === 'string' && caseHash(row) !== expected) {
      problems.push(
        `case ${formatRef(id)} differs from what its last audit row recorded: it was edited outside the console`,
      );
    } else if (typeof expected === 'object') {
      const record = imports[expected.importIndex]!;
      if (!record.atImport.has(id)) record.atImport.set(id, caseHash(row));
    }
  }
  for (const [id, expected] of cases) {
    if (expected !== LEGACY)
      problems.push(`case ${formatRef(id)} is in the audit trail but gone from the store`);
  }
  for (const record of imports) {
    const hashes: string[] = [];
    for (let id = record.first; id <= record.last; id++) hashes.push(record.atImport.get(id) ?? '');
    if (rangeHash(hashes) !== record.hash) {
      problems.push(`cases imported by audit row ${record.seq} differ from what it recorded`);
    }
  }
  checkRows(store, 'decision', DECISION_SELECT, decisionHash, decisions, problems);
  checkRows(store, 'note', NOTE_SELECT, noteHash, notes, problems);
  problems.push(...approvalProblems(store, approvals));
  problems.push(...settings.problems(store.db.prepare(SETTINGS_SELECT).all() as Row[]));
  const triggers = new Set(
    store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%'")
      .pluck()
      .all() as string[],
  );
  const missing = GUARD_TRIGGERS.filter((name) => !triggers.has(name));
  if (missing.length > 0) problems.push(`the guard triggers ${missing.join(', ')} are missing or altered`);
  problems.push(...schemaProblems(store));
  problems.push(...countProblems(store));
  return problems.length > MAX_LISTED
    ? [...problems.slice(0, MAX_LISTED), `…and ${problems.length - MAX_LISTED} more`]
    : problems;
}

function checkRows(
  store: CaseStore,
  kind: string,
  select: string,
  hash: (row: Row) => string,
  audited: Map<number, RowRecord>,
  problems: string[],
): void {
  for (const row of store.db.prepare(`${select} ORDER BY id`).iterate() as Iterable<Row>) {
    const id = row.id as number;
    const record = audited.get(id);
    audited.delete(id);
    if (record === undefined)
      problems.push(`${kind} ${id} has no audit row: it was added outside the console`);
    else if (record.hash !== undefined && record.hash !== hash(row)) {
      problems.push(
        `${kind} ${id} differs from what audit row ${record.seq} recorded: it was edited outside the console`,
      );
    }
  }
  for (const [id, record] of audited) {
    problems.push(
      `${kind} ${id} (audit row ${record.seq}) is gone from the store: it was deleted outside the console`,
    );
  }
}

/**
 * Every approval request (and its answers) must be what the last audit row about its decision
 * recorded, and one a row recorded must still be there. Requests began with their own audit
 * state, so no row before them is legacy.
 */
function approvalProblems(store: CaseStore, audited: Map<number, RowRecord>): string[] {
  const problems: string[] = [];
  const ids = store.db.prepare('SELECT decision_id FROM approval_requests ORDER BY decision_id').pluck();
  for (const id of ids.iterate() as Iterable<number>) {
    const record = audited.get(id);
    audited.delete(id);
    if (record?.hash !== approvalHash(store, id)) {
      problems.push(
        `the approval request of decision ${id} differs from what its audit trail recorded: it was changed outside the console`,
      );
    }
  }
  for (const [id, record] of audited) {
    if (record.hash !== undefined)
      problems.push(
        `the approval request of decision ${id} (audit row ${record.seq}) is gone from the store`,
      );
  }
  return problems;
}

/**
 * The tables, indexes and triggers must be exactly what this version's migrations build: a
 * column's type, a trigger's body or the search index's columns are text in the file too.
 */
function schemaProblems(store: CaseStore): string[] {
  const want = (expectedSchema ??= builtSchema());
  const have = readSchema(store.db);
  const names = new Set([...want.keys(), ...have.keys()]);
  return [...names]
    .filter((name) => want.get(name) !== have.get(name))
    .map((name) => `the schema of ${name} differs from what this version of the console builds`);
}

/** What the migrations build, once per process: it is the same for every store. */
let expectedSchema: Map<string, string | null> | undefined;

function builtSchema(): Map<string, string | null> {
  const db = openDatabase(':memory:');
  try {
    migrate(db, ':memory:');
    return readSchema(db);
  } finally {
    db.close();
  }
}

function readSchema(db: Database.Database): Map<string, string | null> {
  const rows = db
    // The storage classes too: a flipped bit in a record's header can turn a name into a blob
    // of the same bytes, which compares equal as text and still works. Automatic indexes are
    // built by the same DDL everywhere; only ANALYZE's tables depend on the store.
    .prepare(
      `SELECT type || ' ' || name, typeof(name) || ' ' || typeof(tbl_name) || ' ' || tbl_name || ' ' || quote(sql)
       FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'`,
    )
    .raw()
    .all() as [string, string | null][];
  return new Map(rows);
}

/** The queue totals must be what the cases add up to. */
function countProblems(store: CaseStore): string[] {
  const key =
    "status || char(0) || coalesce(product_type, '') || char(0) || coalesce(latest_outcome, '') || char(0) || coalesce(assignee, '')";
  const mismatched = store.db
    .prepare(
      `WITH actual AS (SELECT ${key} AS k, count(*) AS n FROM cases GROUP BY k),
            kept AS (SELECT status || char(0) || product_type || char(0) || latest_outcome || char(0) || assignee AS k, n
                     FROM case_counts WHERE n <> 0)
       SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept))
            + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual))`,
    )
    .pluck()
    .get() as number;
  return mismatched === 0 ? [] : ['the queue totals (case_counts) do not add up to the cases'];
}
