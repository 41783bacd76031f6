import type { NewCase } from '../../../shared/model/case';
import { addToCount, appendAudit, type CaseStore, formatRef } from '../core';
import { toNewCaseRow, type NewCaseRow } from './cases';
import { refEntrySql, searchTexts } from './search';

export interface ImportCommit {
  count: number;
  /** Rows whose order id was already in the store (or earlier in the same import). */
  duplicates: number;
  firstRef: string | null;
  lastRef: string | null;
}

/** The ids a commit gave its new cases, both ends included; null when every row was a duplicate. */
export type CommittedRange = { firstId: number; lastId: number } | null;

let stageCount = 0;

// A staged case is its row as the cases table holds it, plus what its search entry needs, so the
// commit is a few statements SQLite runs alone: calling into it once per row for the case, its
// search entry and its duplicate check cost more than SQLite's own work on them.
const CASE_COLUMNS: readonly (keyof NewCaseRow)[] = [
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
const STAGED_COLUMNS = [...CASE_COLUMNS, 'deadline', 'search_customer', 'search_product', 'search_provider'];

/**
 * An import too big to hold in memory, staged in a temporary table of this connection and
 * then written in one transaction: until commit() the store's file is untouched (a cancel,
 * an error or a kill leaves it as it was), and no write lock is held while the file is read.
 * An order id already in the store, or earlier in the same import, is a duplicate and not
 * added: commit() finds both. A preview, which never commits, asks for `countDuplicates` to
 * have them found while staging.
 */
export class ImportStage {
  readonly table = `temp.import_stage_${++stageCount}`;
  private readonly exists;
  private readonly stage;
  private open = true;

  constructor(
    private readonly store: CaseStore,
    private readonly countDuplicates = false,
    /** More columns staged beside each case, for a caller's own rows written at commit. */
    private readonly extraColumns: readonly string[] = [],
  ) {
    const columns = [...STAGED_COLUMNS, ...extraColumns];
    store.db.exec(`CREATE TABLE ${this.table} (seq INTEGER PRIMARY KEY, ${columns.join(', ')})`);
    if (countDuplicates)
      store.db.exec(`CREATE UNIQUE INDEX ${this.table}_order ON ${this.table.slice(5)} (order_id)`);
    this.exists = store.db.prepare('SELECT 1 FROM cases WHERE order_id = ? LIMIT 1').pluck();
    // Positional parameters: binding by name costs a spread object and a lookup per value.
    this.stage = store.db.prepare(
      `INSERT OR IGNORE INTO ${this.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
  }

  /**
   * Stages checked rows in one (temporary) transaction. With countDuplicates, says for each
   * whether it is a duplicate; otherwise all are taken as new until commit() finds out.
   */
  add(rows: readonly { input: NewCase; deadline: number | null; extra?: readonly unknown[] }[]): boolean[] {
    return this.store.db.transaction(() =>
      rows.map(({ input, deadline, extra = [] }) => {
        if (this.countDuplicates && this.exists.get(input.orderId) !== undefined) return true;
        const row = toNewCaseRow(input);
        const { customer, product, provider } = searchTexts(row);
        const values = CASE_COLUMNS.map((column) => row[column]);
        return this.stage.run(...values, deadline, customer, product, provider, ...extra).changes === 0;
      }),
    )();
  }

  /**
   * Writes the staged rows in staging order, inside the caller's transaction: the cases, their
   * search entries and the queue counts. With `dropKnownOrders` (an import), a row whose order
   * id is already in the store or earlier in the stage is a duplicate and not written. The caller
   * appends the audit row (it knows what the write was) and may write rows of its own from the
   * stage (`numbered`) before it discards it.
   */
  writeCases({ dropKnownOrders }: { dropKnownOrders: boolean }): {
    range: CommittedRange;
    duplicates: number;
  } {
    const { db } = this.store;
    const stage = this.table;
    let duplicates = 0;
    if (dropKnownOrders) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${stage}_order_seq ON ${stage.slice(5)} (order_id, seq)`);
      // Dropped from the stage inside the write, so a rolled-back commit leaves the stage whole.
      duplicates = db
        .prepare(
          `DELETE FROM ${stage} AS s WHERE EXISTS (SELECT 1 FROM main.cases c WHERE c.order_id = s.order_id)
             OR EXISTS (SELECT 1 FROM ${stage} e WHERE e.order_id = s.order_id AND e.seq < s.seq)`,
        )
        .run().changes;
    }
    const now = this.store.now();
    const before = this.store.lastIssuedId();
    // Each case's id is given, not taken: the search entry and the caller's rows find it the same way.
    const written = db
      .prepare(
        `INSERT INTO main.cases (id, ${CASE_COLUMNS.join(', ')}, status, window_closes_at, created_at, updated_at)
         SELECT case_id, ${CASE_COLUMNS.join(', ')}, 'open', deadline, ?, ? FROM ${this.numbered(before)}`,
      )
      .run(now, now).changes;
    if (written === 0) return { range: null, duplicates };
    db.prepare(
      `INSERT INTO cases_fts (rowid, ref, customer, account_id, order_id, product, provider, notes)
       SELECT case_id, ${refEntrySql('case_id')}, search_customer, account_id, order_id,
         search_product, search_provider, '' FROM ${this.numbered(before)}`,
    ).run();
    const groups = db
      .prepare(`SELECT product_type, assignee, count(*) AS n FROM ${stage} GROUP BY product_type, assignee`)
      .all() as { product_type: NewCaseRow['product_type']; assignee: string | null; n: number }[];
    for (const { product_type, assignee, n } of groups)
      addToCount(this.store, { status: 'open', product_type, latest_outcome: null, assignee }, n);
    return { range: { firstId: before + 1, lastId: before + written }, duplicates };
  }

  /** The staged rows in staging order, each with the id writeCases gave it (`case_id`). */
  numbered(before: number): string {
    return `(SELECT ${Math.trunc(before)} + row_number() OVER (ORDER BY seq) AS case_id, * FROM ${this.table} ORDER BY seq)`;
  }

  /**
   * Writes every staged row in one transaction with one audit row naming the id range and
   * `source` (the file, its digest); an order id added meanwhile is counted as a duplicate.
   */
  commit(actor: string, source: Record<string, unknown> = {}): ImportCommit {
    const { range, duplicates } = this.store.write(() => {
      const written = this.writeCases({ dropKnownOrders: true });
      if (written.range !== null) {
        const { firstId, lastId } = written.range;
        appendAudit(this.store, {
          caseRef: null,
          action: 'cases.import',
          actor,
          detail: { ...source, count: lastId - firstId + 1, firstId, lastId, duplicates: written.duplicates },
        });
      }
      return written;
    });
    this.discard();
    return {
      count: range === null ? 0 : range.lastId - range.firstId + 1,
      duplicates,
      firstRef: range === null ? null : formatRef(range.firstId),
      lastRef: range === null ? null : formatRef(range.lastId),
    };
  }

  /** Drops what was staged; the store is as it was. */
  discard(): void {
    if (!this.open) return;
    this.open = false;
    if (this.store.db.open) this.store.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }
}
