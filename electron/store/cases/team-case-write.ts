import type { Facts } from '../../../shared/model/facts';
import { previewDeadline } from './case-rules';
import { type CaseRow, type CaseStore, moveCount } from '../core';
import { indexCase } from './search';
import { canonicalJson } from '../core';

/** Case columns by the names team events use for them (see team-outbox SHARED_FIELDS). */
export const TEAM_COLUMNS: Readonly<Record<string, keyof CaseRow>> = {
  customerName: 'customer_name',
  accountId: 'account_id',
  contact: 'contact',
  orderId: 'order_id',
  productName: 'product_name',
  provider: 'provider',
  status: 'status',
  assignee: 'assignee',
};

export const caseRowById = (store: CaseStore, id: number) =>
  store.sql('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow;

/**
 * Sets case fields and facts that came from the team (or an agent's choice in a conflict),
 * keeping what the store derives from them in step: the deadline while undecided, the queue
 * counts and the search entry. An undefined fact is removed. Call inside a write.
 */
export function writeCaseValues(
  store: CaseStore,
  row: CaseRow,
  fields: Readonly<Record<string, unknown>>,
  facts: Readonly<Record<string, unknown>>,
): void {
  const nextFacts: Record<string, unknown> = {
    ...(JSON.parse(row.facts) as Record<string, unknown>),
    ...facts,
  };
  for (const [name, value] of Object.entries(facts)) if (value === undefined) delete nextFacts[name];
  const next: CaseRow = { ...row, facts: canonicalJson(nextFacts) };
  for (const [name, value] of Object.entries(fields)) {
    const column = TEAM_COLUMNS[name];
    if (column !== undefined) (next as unknown as Record<string, unknown>)[column] = value ?? null;
  }
  next.product_type = (nextFacts as Facts).productType ?? null;
  const now = store.now();
  store
    .sql(
      `UPDATE cases SET customer_name = ?, account_id = ?, contact = ?, order_id = ?, product_name = ?,
         provider = ?, status = ?, assignee = ?, facts = ?, product_type = ?, updated_at = ?,
         revision = revision + 1,
         window_closes_at = CASE WHEN decided_at IS NULL THEN ? ELSE window_closes_at END
       WHERE id = ?`,
    )
    .run(
      next.customer_name,
      next.account_id,
      next.contact,
      next.order_id,
      next.product_name,
      next.provider,
      next.status,
      next.assignee,
      next.facts,
      next.product_type,
      now,
      previewDeadline(nextFacts as Facts, now),
      row.id,
    );
  moveCount(store, row, next);
  const notes = store.sql('SELECT body FROM notes WHERE case_id = ? ORDER BY id').all(row.id) as {
    body: string;
  }[];
  indexCase(store, row.id, next, notes);
}
