import type { CaseChange, NewCase } from '../../../shared/model/case';
import { diffFacts, type Facts, type ProductType } from '../../../shared/model/facts';
import {
  addToCount,
  appendAudit,
  type CaseRow,
  type CaseStore,
  type CountKey,
  formatRef,
  moveCount,
  fieldChanges,
} from '../core';
import { previewDeadline, requirePlausibleFacts } from './case-rules';
import { changeOf } from './case-detail';
import { indexCase } from './search';
import { requireMessageOf } from './messages';
import { writeCase } from './write-case';
import { canonicalJson } from '../core';

/** A new case as its row stores it, the facts already JSON: what an import stages and writes. */
export interface NewCaseRow {
  customer_name: string;
  account_id: string;
  contact: string | null;
  order_id: string;
  product_name: string;
  provider: string;
  product_type: ProductType | null;
  facts: string;
  assignee: string | null;
}

export const toNewCaseRow = (input: NewCase): NewCaseRow => ({
  customer_name: input.customer.name,
  account_id: input.customer.accountId,
  contact: input.customer.contact ?? null,
  order_id: input.orderId,
  product_name: input.productName,
  provider: input.provider,
  product_type: input.facts.productType ?? null,
  // Sorted keys: a decision's copy of the facts compares with the case's as text (staleness).
  facts: canonicalJson(input.facts),
  assignee: input.assignee || null,
});

/** The queue-count group a new case starts in. */
export const newCaseKey = (row: NewCaseRow): CountKey => ({
  status: 'open',
  product_type: row.product_type,
  latest_outcome: null,
  assignee: row.assignee,
});

/**
 * Inserts a case row and its search entry; the caller owns the transaction, the queue
 * counts and the audit (a row per created case, or one per import).
 */
export function insertCaseRow(store: CaseStore, row: NewCaseRow, windowClosesAt: number | null): number {
  const now = store.now();
  const { lastInsertRowid } = store
    .sql(
      `INSERT INTO cases (id, customer_name, account_id, contact, order_id, product_name, provider,
         product_type, facts, status, assignee, window_closes_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
    )
    .run(
      store.lastIssuedId() + 1,
      row.customer_name,
      row.account_id,
      row.contact,
      row.order_id,
      row.product_name,
      row.provider,
      row.product_type,
      row.facts,
      row.assignee,
      windowClosesAt,
      now,
      now,
    );
  const id = Number(lastInsertRowid);
  indexCase(store, id, row, []);
  return id;
}

export function createCase(store: CaseStore, input: NewCase, actor: string): CaseChange {
  requirePlausibleFacts(input.facts);
  return store.write(() => {
    const row = toNewCaseRow(input);
    const ref = formatRef(insertCaseRow(store, row, previewDeadline(input.facts, store.now())));
    addToCount(store, newCaseKey(row), 1);
    const audit = appendAudit(store, { caseRef: ref, action: 'case.create', actor, detail: { ...input } });
    return changeOf(store, ref, [audit]);
  });
}

/** `seen` is the revision the facts were edited on; another is refused (see requireRevision). */
export function updateFacts(
  store: CaseStore,
  ref: string,
  facts: Facts,
  actor: string,
  seen?: number,
  /** The customer's message the changed facts were read from, named in the audit row. */
  source?: { message: number },
): CaseChange {
  requirePlausibleFacts(facts);
  // A decision waiting for a lead was made on the facts as they are; a fact in conflict is settled first.
  const guards = {
    revision: seen,
    conflicts: (row: CaseRow) =>
      Object.keys(fieldChanges(JSON.parse(row.facts) as Facts, facts)).map((fact) => `facts.${fact}`),
    waiting: 'changing its facts',
  };
  return writeCase(store, ref, guards, (row) => {
    if (source !== undefined) requireMessageOf(store, row.id, source.message);
    const now = store.now();
    store
      .sql(
        `UPDATE cases SET facts = ?, product_type = ?, updated_at = ?, revision = revision + 1,
           window_closes_at = CASE WHEN decided_at IS NULL THEN ? ELSE window_closes_at END
         WHERE id = ?`,
      )
      .run(canonicalJson(facts), facts.productType ?? null, now, previewDeadline(facts, now), row.id);
    moveCount(store, row, { ...row, product_type: facts.productType ?? null });
    const changes = diffFacts(JSON.parse(row.facts) as Facts, facts);
    return {
      action: 'case.facts',
      actor,
      detail: { facts, changes, ...(source === undefined ? {} : { source }) },
    };
  });
}
