import type { CaseDetail } from '../../model/case';
import { refunds, type Decision, type Outcome } from '../../model/decision';
import type { Language } from '../../model/languages';
import { formatMoney } from '../../model/money';
import { renderTemplate } from '../../model/reply-templates';
import type { Told } from '../../model/told';
import { formatInPolicyZone } from '../time';
import { replyValues } from './variables';

/** What an earlier reply promised, as the correction reminds the customer of it. */
const TOLD_WORDS: Record<Outcome, Record<Language, (amount: string) => string>> = {
  eligible: {
    en: (amount) => (amount ? `that we would refund ${amount} in cash` : 'that the order would be refunded'),
    zh: (amount) => (amount ? `我们将以现金方式退款 ${amount}` : '该订单可以退款'),
  },
  conditional: {
    en: (amount) =>
      amount
        ? `that the order could be refunded, ${amount} in cash, once you had completed some steps`
        : 'that the order could be refunded once you had completed some steps',
    zh: (amount) =>
      amount ? `完成相应步骤后，该订单可以退款，现金 ${amount}` : '完成相应步骤后，该订单可以退款',
  },
  ineligible: {
    en: () => 'that the order could not be refunded',
    zh: () => '该订单不能退款',
  },
  needs_info: {
    en: () => 'that we needed more information before deciding',
    zh: () => '我们需要更多信息才能作出决定',
  },
};

/** What the decision of record says now, the sentence that corrects the earlier reply. */
const NOW_WORDS: Record<Outcome, Record<Language, string>> = {
  eligible: {
    en: 'Your request meets the refund policy: we will refund {{amount}} to you in cash.',
    zh: '您的申请符合退款政策，我们将以现金方式向您退款 {{amount}}。',
  },
  conditional: {
    en: 'The order can be refunded, {{amount}} in cash, once you have completed the steps below.',
    zh: '完成以下步骤后，该订单可以退款，现金 {{amount}}。',
  },
  ineligible: {
    en: 'Under the refund policy this order cannot be refunded in full, because:\n{{reasons}}',
    zh: '根据退款政策，该订单不能全额退款，原因如下：\n{{reasons}}',
  },
  needs_info: {
    en: 'Before we can decide, please send us:\n{{missing}}',
    zh: '在作出决定之前，请您提供：\n{{missing}}',
  },
};

const FRAME: Record<Language, string> = {
  en: `Dear {{customer}},

On {{toldAt}} we wrote to you about your refund request for order {{order}} ({{product}}) and told you {{told}}. That was not right, and we are sorry for the mistake.

{{now}}
{{#voucher}}Vouchers used on the order ({{voucher}}) are not paid back in cash.{{/voucher}}
{{#actions}}
What you need to do{{#deadline}} before {{deadline}}{{/deadline}}:
{{actions}}
{{/actions}}
Kind regards,
{{agent}}
Case {{caseRef}}`,
  zh: `{{customer}}，您好：

我们于 {{toldAt}} 就订单 {{order}}（{{product}}）的退款申请回复您，告知您{{told}}。该答复有误，特此更正，并向您致歉。

{{now}}
{{#voucher}}订单使用的代金券（{{voucher}}）不退现金。{{/voucher}}
{{#actions}}
请您{{#deadline}}在 {{deadline}} 之前{{/deadline}}完成：
{{actions}}
{{/actions}}
此致
{{agent}}
案件编号 {{caseRef}}`,
};

/**
 * The correction reply: the customer was told one thing (an earlier reply marked as sent) and
 * the decision of record now says another. It names what was said and when, says it was not
 * right, and then gives the decision as it stands with the same values a reply would.
 */
export function draftCorrection(input: {
  detail: CaseDetail;
  decision: Decision;
  told: { at: string; told: Told };
  language: Language;
  agent: string;
}): string {
  const { decision, language } = input;
  const { told, at } = input.told;
  const values = replyValues(input.detail, decision, language, input.agent);
  const promised =
    refunds(told.outcome) && told.amount !== null
      ? formatMoney({ amount: told.amount, currency: told.currency })
      : '';
  const body = FRAME[language].replace('{{now}}', NOW_WORDS[decision.outcome][language]);
  return renderTemplate(body, {
    ...values,
    toldAt: formatInPolicyZone(Date.parse(at)),
    told: TOLD_WORDS[told.outcome][language](promised),
  });
}
