import type { CaseChange, CaseField, CaseFields } from '../../../shared/model/case';
import { appendAudit, type CaseRow, type CaseStore, requireCase, requireRevision } from '../core';
import { changeOf, listNotes } from './case-detail';
import { indexCase } from './search';

/** Each editable field and the column that holds it. */
const COLUMNS = {
  customerName: 'customer_name',
  accountId: 'account_id',
  contact: 'contact',
  orderId: 'order_id',
  productName: 'product_name',
  provider: 'provider',
} as const satisfies Record<CaseField, keyof CaseRow>;

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
  return store.write(() => {
    const row = requireCase(store, ref);
    requireRevision(row, seen);
    const after: CaseRow = { ...row };
    const changes: { field: CaseField; from: string | null; to: string | null }[] = [];
    for (const field of Object.keys(COLUMNS) as CaseField[]) {
      const given = fields[field];
      if (given === undefined) continue;
      const column = COLUMNS[field];
      const value = field === 'contact' && given === '' ? null : given;
      if (value === row[column]) continue;
      changes.push({ field, from: row[column], to: value });
      (after as unknown as Record<string, string | null>)[column] = value;
    }
    if (changes.length === 0) return changeOf(store, ref, []);
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
    const audit = appendAudit(store, { caseRef: ref, action: 'case.fields', actor, detail: { changes } });
    return changeOf(store, ref, [audit]);
  });
}
