import type { CaseDetail, CaseStatus, NewCase } from '../../shared/model/case';
import type { Facts } from '../../shared/model/facts';
import { appendAudit } from './audit';
import { previewDeadline } from './case-rules';
import { listDecisions } from './decisions';
import { addToCount, moveCount, type CountKey } from './counts';
import { ConflictError } from './errors';
import { listNotes } from './notes';
import { formatRef } from './refs';
import { requireCase, toSummary } from './rows';
import { indexCase } from './search';
import type { CaseStore } from './store';

/** The queue-count group a new case starts in. */
export const newCaseKey = (input: NewCase): CountKey => ({
  status: 'open',
  product_type: input.facts.productType ?? null,
  latest_outcome: null,
  assignee: input.assignee || null,
});

/**
 * Inserts a case row and its search entry; the caller owns the transaction, the queue
 * counts and the audit (a row per created case, or one per import).
 */
export function insertCaseRow(store: CaseStore, input: NewCase, windowClosesAt: number | null): number {
  const now = store.now();
  const fields = {
    customer_name: input.customer.name,
    account_id: input.customer.accountId,
    contact: input.customer.contact ?? null,
    order_id: input.orderId,
    product_name: input.productName,
    provider: input.provider,
  };
  const { lastInsertRowid } = store
    .sql(
      `INSERT INTO cases (customer_name, account_id, contact, order_id, product_name, provider,
         product_type, facts, status, assignee, window_closes_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
    )
    .run(
      fields.customer_name,
      fields.account_id,
      fields.contact,
      fields.order_id,
      fields.product_name,
      fields.provider,
      input.facts.productType ?? null,
      JSON.stringify(input.facts),
      input.assignee || null,
      windowClosesAt,
      now,
      now,
    );
  const id = Number(lastInsertRowid);
  indexCase(store, id, fields, []);
  return id;
}

export function createCase(store: CaseStore, input: NewCase, actor: string): CaseDetail {
  const id = store.write(() => {
    const created = insertCaseRow(store, input, previewDeadline(input.facts, store.now()));
    addToCount(store, newCaseKey(input), 1);
    appendAudit(store, { caseRef: formatRef(created), action: 'case.create', actor, detail: { ...input } });
    return created;
  });
  return getCase(store, formatRef(id));
}

export function getCase(store: CaseStore, ref: string): CaseDetail {
  const row = requireCase(store, ref);
  return {
    summary: toSummary(row),
    customer: {
      name: row.customer_name,
      accountId: row.account_id,
      ...(row.contact === null ? {} : { contact: row.contact }),
    },
    provider: row.provider,
    facts: JSON.parse(row.facts) as Facts,
    decisions: listDecisions(store, row.id),
    notes: listNotes(store, row.id),
  };
}

export function updateFacts(store: CaseStore, ref: string, facts: Facts, actor: string): CaseDetail {
  store.write(() => {
    const row = requireCase(store, ref);
    const now = store.now();
    store
      .sql(
        `UPDATE cases SET facts = ?, product_type = ?, updated_at = ?,
           window_closes_at = CASE WHEN decided_at IS NULL THEN ? ELSE window_closes_at END
         WHERE id = ?`,
      )
      .run(JSON.stringify(facts), facts.productType ?? null, now, previewDeadline(facts, now), row.id);
    moveCount(store, row, { ...row, product_type: facts.productType ?? null });
    appendAudit(store, { caseRef: ref, action: 'case.facts', actor, detail: { facts } });
  });
  return getCase(store, ref);
}

export function setStatus(store: CaseStore, ref: string, status: CaseStatus, actor: string): CaseDetail {
  store.write(() => {
    const row = requireCase(store, ref);
    if (status === 'decided' && row.decided_at === null) {
      throw new ConflictError(`${ref} has no recorded decision; record one to mark it decided`);
    }
    if (status === row.status) return;
    store.sql('UPDATE cases SET status = ?, updated_at = ? WHERE id = ?').run(status, store.now(), row.id);
    moveCount(store, row, { ...row, status });
    appendAudit(store, {
      caseRef: ref,
      action: 'case.status',
      actor,
      detail: { from: row.status, to: status },
    });
  });
  return getCase(store, ref);
}
