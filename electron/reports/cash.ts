import type { DecisionRecord } from '../../shared/model/case';
import type { Outcome } from '../../shared/model/decision';

const GRANTS: ReadonlySet<Outcome> = new Set(['eligible', 'conditional']);

/**
 * The cash a recorded decision refunds, in minor units (null while the amount is unknown).
 * The rules' amount when they granted the refund; when an agent's override grants one the
 * rules refused, the cash paid (order minus voucher, the cash-only clause); nothing when the
 * recorded outcome refuses. The period report's SQL (store/period.ts) says the same.
 */
export function cashRefund(record: DecisionRecord): number | null {
  if (!GRANTS.has(record.recordedOutcome)) return 0;
  if (GRANTS.has(record.decision.outcome)) return record.decision.refundAmount;
  const { orderAmount, voucherAmount = 0 } = record.facts;
  return orderAmount === undefined ? null : Math.max(0, orderAmount - voucherAmount);
}
