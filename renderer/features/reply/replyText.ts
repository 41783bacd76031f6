import type { TFunction } from 'i18next';
import type { CaseDetail } from '../../../shared/model/case';
import type { Decision } from '../../../shared/model/decision';
import { formatMoney } from '../../../shared/model/money';
import { ACTION_TEXTS } from '../../../shared/policy/clauses';
import { type Language } from '../../../shared/model/languages';
import { formatInPolicyZone } from '../../../shared/policy/time';
import { decisionOfCase } from '../../../shared/policy/recorded';

/** The decision the reply speaks for: the recorded one, override included. */
export const decisionForReply = (detail: CaseDetail, now: number): Decision => decisionOfCase(detail, now);

/**
 * The first draft of the customer reply: outcome, cash amount (with the voucher explained),
 * the customer's steps and the deadline, in the reply's language. The deadline is given in the
 * policy zone, with its offset, since the customer may be anywhere.
 */
export function generateReply(
  detail: CaseDetail,
  decision: Decision,
  language: Language,
  t: TFunction,
  agentName: string,
): string {
  const money = (amount: number) => formatMoney({ amount, currency: decision.currency });
  const voucher = detail.facts.voucherAmount ?? 0;
  const lines = [
    t('reply.greeting', { name: detail.customer.name }),
    '',
    t('reply.intro', { order: detail.summary.orderId, product: detail.summary.productName }),
    t(`reply.outcome.${decision.outcome}`),
  ];
  if (decision.refundAmount !== null && decision.refundAmount > 0) {
    lines.push(t('reply.amount', { amount: money(decision.refundAmount) }));
    if (voucher > 0) lines.push(t('reply.voucher', { voucher: money(voucher) }));
  }
  if (decision.actions.length > 0) {
    lines.push('', t('reply.steps'));
    decision.actions.forEach((action, index) =>
      lines.push(`${index + 1}. ${ACTION_TEXTS[action][language]}`),
    );
  }
  // A deadline only means something when the customer still has something to do.
  const customerActs =
    decision.outcome === 'needs_info' || (decision.outcome !== 'ineligible' && decision.actions.length > 0);
  if (decision.windowClosesAt !== null && customerActs) {
    lines.push('', t('reply.deadline', { when: formatInPolicyZone(Date.parse(decision.windowClosesAt)) }));
  }
  lines.push('', t('reply.closing'), agentName);
  return `${lines.join('\n')}\n`;
}
