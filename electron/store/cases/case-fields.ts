import type { CaseChange, CaseField, CaseFields } from '../../../shared/model/case';
import type { CaseRow, CaseStore } from '../core';
import { listNotes } from './case-detail';
import { indexCase } from './search';
import { writeCase } from './write-case';

/** Each editable field and the column that holds it. */
const COLUMNS = {
  customerName: 'customer_name',
  accountId: 'account_id',
  contact: 'contact',
  orderId: 'order_id',
  productName: 'product_name',
  provider: 'provider',
} as const satisfies Record<CaseField, keyof CaseRow>;

type FieldChanges = { field: CaseField; from: string | null; to: string | null }[];

/** The given fields whose value differs from the row's (an empty contact is none). */
function changesOf(row: CaseRow, fields: CaseFields): FieldChanges {
  const changes: FieldChanges = [];
  for (const field of Object.keys(COLUMNS) as CaseField[]) {
    const given = fields[field];
    if (given === undefined) continue;
    const value = field === 'contact' && given === '' ? null : given;
    if (value !== row[COLUMNS[field]]) changes.push({ field, from: row[COLUMNS[field]], to: value });
  }
  return changes;
}

/**
 * Corrects the case's own fields. Only what differs is written; each change goes in the audit
 * trail with its old value, and the search entry is rewritten so the case is found by its new
 * name. An empty contact clears it.
 */
export function updateCaseFields(
  store: CaseStore,
  ref: string,
  fields: CaseFields,
  actor: string,
  seen?: number,
): CaseChange {
  // Names and contact are no part of what a lead is asked to approve: they change while one waits.
  const guards = {
    revision: seen,
    conflicts: (row: CaseRow) => changesOf(row, fields).map((change) => change.field),
    waiting: null,
  };
  return writeCase(store, ref, guards, (row) => {
    const changes = changesOf(row, fields);
    if (changes.length === 0) return null;
    const after: CaseRow = { ...row };
    for (const { field, to } of changes)
      (after as unknown as Record<string, string | null>)[COLUMNS[field]] = to;
    store
      .sql(
        `UPDATE cases SET customer_name = ?, account_id = ?, contact = ?, order_id = ?, product_name = ?,
           provider = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`,
      )
      .run(
        after.customer_name,
        after.account_id,
        after.contact,
        after.order_id,
        after.product_name,
        after.provider,
        store.now(),
        row.id,
      );
    indexCase(store, row.id, after, listNotes(store, row.id));
    return { action: 'case.fields', actor, detail: { changes } };
  });
}
