import type Database from 'better-sqlite3';
import { NewCaseSchema, type NewCase } from '../../shared/model/case';
import { describeFirstIssue } from '../../shared/model/issues';
import { appendAudit } from './audit';
import { previewDeadline } from './case-rules';
import { insertCaseRow, newCaseKey, toNewCaseRow, type NewCaseRow } from './cases';
import { addAllToCounts, type CountKey } from './counts';
import { InvalidInputError } from './errors';
import { formatRef } from './refs';
import type { CaseStore } from './store';

export type ImportResult =
  | { ok: true; count: number; duplicates: number; firstRef: string | null; lastRef: string | null }
  | { ok: false; errors: { row: number; message: string }[] };

/** A row as the store will write it, or the first thing wrong with it ("field.path" and why). */
export type CheckedRow =
  { ok: true; input: NewCase; deadline: number | null } | { ok: false; field: string; message: string };

export interface ImportCommit {
  count: number;
  /** Rows whose order id was already in the store (or earlier in the same import). */
  duplicates: number;
  firstRef: string | null;
  lastRef: string | null;
}

const MAX_REPORTED_ERRORS = 100;
// Rows read back from the stage per query while committing: bounded memory, few round trips.
const COMMIT_PAGE = 2000;

/** Checks one row of an import: the case schema first, then the rules' own checks. */
export function checkImportRow(raw: unknown, now: number): CheckedRow {
  const parsed = NewCaseSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, ...describeFirstIssue(parsed.error, 'case') };
  try {
    return { ok: true, input: parsed.data, deadline: previewDeadline(parsed.data.facts, now) };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const [field, ...rest] = error.message.split(': ');
    return { ok: false, field: field!, message: rest.join(': ') || error.message };
  }
}

let stageCount = 0;

// A staged case is its row as insertCaseRow writes it, so the commit turns nothing back.
const STAGED_COLUMNS: readonly (keyof NewCaseRow)[] = [
  'customer_name',
  'account_id',
  'contact',
  'order_id',
  'product_name',
  'provider',
  'product_type',
  'facts',
  'assignee',
];

/**
 * An import too big to hold in memory, staged in a temporary table of this connection and
 * then written in one transaction: until commit() the store's file is untouched (a cancel,
 * an error or a kill leaves it as it was), and no write lock is held while the file is read.
 * An order id already in the store, or earlier in the same import, is a duplicate and not
 * added: commit() finds both (the earlier row is already in its transaction). A preview,
 * which never commits, asks for `countDuplicates` to have them found while staging.
 */
export class ImportStage {
  private readonly name = `import_stage_${++stageCount}`;
  private readonly table = `temp.${this.name}`;
  private readonly exists: Database.Statement;
  private readonly stage: Database.Statement;
  private open = true;

  constructor(
    private readonly store: CaseStore,
    private readonly countDuplicates = false,
  ) {
    store.db.exec(
      `CREATE TABLE ${this.table} (seq INTEGER PRIMARY KEY, ${STAGED_COLUMNS.join(', ')}, deadline INTEGER)`,
    );
    if (countDuplicates)
      store.db.exec(`CREATE UNIQUE INDEX temp.${this.name}_order ON ${this.name} (order_id)`);
    this.exists = store.db.prepare('SELECT 1 FROM cases WHERE order_id = ? LIMIT 1').pluck();
    // Positional parameters: binding by name costs a spread object and a lookup per value.
    this.stage = store.db.prepare(
      `INSERT OR IGNORE INTO ${this.table} (${STAGED_COLUMNS.join(', ')}, deadline)
       VALUES (${STAGED_COLUMNS.map(() => '?').join(', ')}, ?)`,
    );
  }

  /**
   * Stages checked rows in one (temporary) transaction. With countDuplicates, says for each
   * whether it is a duplicate; otherwise all are taken as new until commit() finds out.
   */
  add(rows: readonly { input: NewCase; deadline: number | null }[]): boolean[] {
    return this.store.db.transaction(() =>
      rows.map(({ input, deadline }) => {
        if (this.countDuplicates && this.exists.get(input.orderId) !== undefined) return true;
        const row = toNewCaseRow(input);
        const staged = this.stage.run(...STAGED_COLUMNS.map((column) => row[column]), deadline);
        return staged.changes === 0;
      }),
    )();
  }

  /**
   * Writes every staged row in one transaction with one audit row naming the id range and
   * `source` (the file, its digest); an order id added meanwhile is counted as a duplicate.
   */
  commit(actor: string, source: Record<string, unknown> = {}): ImportCommit {
    const { store, table } = this;
    const page = store.db.prepare(
      `SELECT seq, ${STAGED_COLUMNS.join(', ')}, deadline FROM ${table} WHERE seq > ? ORDER BY seq LIMIT ${COMMIT_PAGE}`,
    );
    const result = store.write(() => {
      let firstId: number | null = null;
      let lastId: number | null = null;
      let duplicates = 0;
      for (let after = 0; ;) {
        const rows = page.all(after) as (NewCaseRow & { seq: number; deadline: number | null })[];
        if (rows.length === 0) break;
        const keys: CountKey[] = [];
        for (const row of rows) {
          if (this.exists.get(row.order_id) !== undefined) {
            duplicates++;
            continue;
          }
          lastId = insertCaseRow(store, row, row.deadline);
          firstId ??= lastId;
          keys.push(newCaseKey(row));
        }
        addAllToCounts(store, keys);
        after = rows.at(-1)!.seq;
      }
      if (firstId !== null && lastId !== null) {
        appendAudit(store, {
          caseRef: null,
          action: 'cases.import',
          actor,
          detail: { ...source, count: lastId - firstId + 1, firstId, lastId, duplicates },
        });
      }
      return { firstId, lastId, duplicates };
    });
    this.discard();
    const { firstId, lastId, duplicates } = result;
    return {
      count: firstId === null || lastId === null ? 0 : lastId - firstId + 1,
      duplicates,
      firstRef: firstId === null ? null : formatRef(firstId),
      lastRef: lastId === null ? null : formatRef(lastId),
    };
  }

  /** Drops what was staged; the store is as it was. */
  discard(): void {
    if (!this.open) return;
    this.open = false;
    if (this.store.db.open) this.store.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }
}

/**
 * Imports many cases all-or-nothing: every row is validated first and any problem is
 * reported per row (the first 100) with nothing written; otherwise all rows go in one
 * transaction, so a crash midway leaves none of them. An order id already in the store is
 * not added again. The import is one change and gets one audit row naming the id range it
 * created (audit.list shows it for each of those cases).
 */
export function importCases(store: CaseStore, rows: readonly unknown[], actor: string): ImportResult {
  const now = store.now();
  const valid: { input: NewCase; deadline: number | null }[] = [];
  const errors: { row: number; message: string }[] = [];
  rows.forEach((raw, row) => {
    const checked = checkImportRow(raw, now);
    if (checked.ok) valid.push(checked);
    else errors.push({ row, message: `${checked.field}: ${checked.message}` });
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
  const stage = new ImportStage(store);
  try {
    stage.add(valid);
    return { ok: true, ...stage.commit(actor) };
  } finally {
    stage.discard();
  }
}
