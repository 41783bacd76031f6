import type { AuditEntry } from '../model/case';
import type { Decision } from '../model/decision';
import type { DecisionOfRecord } from '../model/decision-of-record';
import { type Told, toldOf } from '../model/told';
import { replyDeadline } from './replies/variables';

/** What a reply drafted from this decision tells the customer (replyValues says the same). */
export const toldBy = (decision: Decision): Told => ({
  outcome: decision.outcome,
  amount: decision.refundAmount,
  currency: decision.currency,
  deadline: replyDeadline(decision),
});

/** The last reply marked as sent that says what it told, and when it was marked. */
export function lastTold(audit: readonly AuditEntry[]): { at: string; told: Told } | null {
  for (const entry of [...audit].reverse()) {
    if (entry.action !== 'reply.sent') continue;
    const told = toldOf(entry.detail);
    return told === null ? null : { at: entry.at, told };
  }
  return null;
}

/**
 * The last reply's promise when the decision of record now says another outcome or another
 * sum: the customer holds a word the case no longer keeps and is owed a correction.
 */
export function toldDiffering(
  audit: readonly AuditEntry[],
  record: DecisionOfRecord | null,
): { at: string; told: Told; now: Pick<Told, 'outcome' | 'amount' | 'currency'> } | null {
  const last = lastTold(audit);
  if (last === null || record === null) return null;
  const now = { outcome: record.outcome, amount: record.refundAmount, currency: record.currency };
  const { told } = last;
  const same = told.outcome === now.outcome && told.amount === now.amount && told.currency === now.currency;
  return same ? null : { ...last, now };
}
