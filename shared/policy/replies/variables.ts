import type { CaseDetail } from '../../model/case';
import { type Decision, refunds } from '../../model/decision';
import type { Language } from '../../model/languages';
import { formatMoney } from '../../model/money';
import type { ReplyValues } from '../../model/reply-templates';
import { ACTION_TEXTS } from '../clauses';
import { formatInPolicyZone } from '../time';
import { wordingOf } from '../versions';
import { MISSING_REQUESTS } from './customer-words';

// Clauses that are the refund's terms or the next step, not a reason for a refusal.
const NOT_A_REASON = new Set(['refund.contact-provider', 'refund.cash-only', 'refund.return-invoice']);

/**
 * The deadline a reply gives, as an instant: only when the customer still has something to do
 * (send what is missing, or take a refund's steps) and the window has a close.
 */
export function replyDeadline(decision: Decision): string | null {
  const customerActs =
    decision.outcome === 'needs_info' || (refunds(decision.outcome) && decision.actions.length > 0);
  return customerActs ? decision.windowClosesAt : null;
}

/**
 * The values a template's variables take for one case and the decision that speaks for it
 * (the recorded one, override included). Lists come one item a line; the deadline is in the
 * policy zone with its offset, since the customer may be anywhere.
 */
export function replyValues(
  detail: CaseDetail,
  decision: Decision,
  language: Language,
  agent: string,
): ReplyValues {
  const money = (amount: number) => formatMoney({ amount, currency: decision.currency });
  const refunding = refunds(decision.outcome);
  const voucher = detail.facts.voucherAmount ?? 0;
  const deadline = replyDeadline(decision);
  return {
    customer: detail.customer.name,
    caseRef: detail.summary.ref,
    order: detail.summary.orderId,
    product: detail.summary.productName,
    amount: refunding && decision.refundAmount !== null ? money(decision.refundAmount) : '',
    currency: decision.currency,
    voucher: refunding && voucher > 0 ? money(voucher) : '',
    deadline: deadline === null ? '' : formatInPolicyZone(Date.parse(deadline)),
    missing: decision.missing.map((fact) => `- ${MISSING_REQUESTS[fact][language]}`).join('\n'),
    reasons: decision.clauses
      .filter((clause) => !NOT_A_REASON.has(clause))
      .map((clause) => `- ${wordingOf(decision).customerReasons[clause][language]}`)
      .join('\n'),
    actions: decision.actions
      .map((action, index) => `${index + 1}. ${ACTION_TEXTS[action][language]}`)
      .join('\n'),
    agent,
  };
}
