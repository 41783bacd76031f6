import type { CaseSummary } from '../../../shared/model/case';
import { REFUNDING_OUTCOMES_SQL } from '../../../shared/model/decision';
import { type CaseStore, formatRef, requireCase, SUMMARY_COLUMNS, type SummaryRow, toSummary } from '../core';

// Cases related to one another: the same customer account, the same order.

/** The other cases of the case's account, newest first, through the (account_id, id) index. */
export function accountHistory(store: CaseStore, ref: string, limit = 50): CaseSummary[] {
  const row = requireCase(store, ref);
  const rows = store
    .sql(
      `SELECT ${SUMMARY_COLUMNS} FROM cases INDEXED BY cases_account
       WHERE account_id = ? AND id != ? ORDER BY id DESC LIMIT ?`,
    )
    .all(row.account_id, row.id, limit) as SummaryRow[];
  return rows.map(toSummary);
}

/** Every case opened for an order id, oldest first. */
export function casesForOrder(store: CaseStore, orderId: string): CaseSummary[] {
  const rows = store
    .sql(`SELECT ${SUMMARY_COLUMNS} FROM cases INDEXED BY cases_order_id WHERE order_id = ? ORDER BY id`)
    .all(orderId) as SummaryRow[];
  return rows.map(toSummary);
}

/** The cases other than `caseId` whose recorded outcome refunds the same order. */
export function otherRefundsOfOrder(store: CaseStore, orderId: string, caseId: number): string[] {
  const ids = store
    .sql(
      `SELECT id FROM cases INDEXED BY cases_order_id
       WHERE order_id = ? AND id != ? AND latest_outcome IN ${REFUNDING_OUTCOMES_SQL} ORDER BY id`,
    )
    .pluck()
    .all(orderId, caseId) as number[];
  return ids.map(formatRef);
}
