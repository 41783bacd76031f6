import type { Outcome } from '../../model/decision';
import type { Language } from '../../model/languages';

/**
 * The console's own reply wording, per outcome and language: what stands until a team edits
 * a template. Each gives what the customer needs for that outcome: a refund's cash amount and
 * the steps with their deadline, a refusal's reasons and the next step, a request for
 * information's exact list.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<Outcome, Readonly<Record<Language, string>>>> = {
  eligible: {
    en: `Dear {{customer}},

Thank you for your refund request for order {{order}} ({{product}}).
Your request meets the refund policy: we will refund {{amount}} to you in cash.
{{#voucher}}Vouchers used on the order ({{voucher}}) are not paid back in cash.{{/voucher}}
{{#actions}}
To complete the refund, please{{#deadline}} before {{deadline}}{{/deadline}}:
{{actions}}
{{/actions}}
Kind regards,
{{agent}}
Case {{caseRef}}`,
    zh: `{{customer}}，您好：

感谢您就订单 {{order}}（{{product}}）提交退款申请。
您的申请符合退款政策，我们将以现金方式向您退款 {{amount}}。
{{#voucher}}订单使用的代金券（{{voucher}}）不退现金。{{/voucher}}
{{#actions}}
为完成退款，请您{{#deadline}}在 {{deadline}} 之前{{/deadline}}：
{{actions}}
{{/actions}}
此致
{{agent}}
案件编号 {{caseRef}}`,
  },
  conditional: {
    en: `Dear {{customer}},

Thank you for your refund request for order {{order}} ({{product}}).
The order can be refunded, {{amount}} in cash, once you have completed these steps{{#deadline}} before {{deadline}}{{/deadline}}:
{{actions}}
{{#voucher}}Vouchers used on the order ({{voucher}}) are not paid back in cash.{{/voucher}}

Kind regards,
{{agent}}
Case {{caseRef}}`,
    zh: `{{customer}}，您好：

感谢您就订单 {{order}}（{{product}}）提交退款申请。
完成以下步骤后，该订单可以退款，现金 {{amount}}。请您{{#deadline}}在 {{deadline}} 之前{{/deadline}}完成：
{{actions}}
{{#voucher}}订单使用的代金券（{{voucher}}）不退现金。{{/voucher}}

此致
{{agent}}
案件编号 {{caseRef}}`,
  },
  ineligible: {
    en: `Dear {{customer}},

Thank you for your refund request for order {{order}} ({{product}}).
We are sorry: under the refund policy this order cannot be refunded in full, because:
{{reasons}}
{{#actions}}
What you can do next:
{{actions}}
{{/actions}}
If anything above does not match what you know, reply to this message with the details and we will look at the request again.

Kind regards,
{{agent}}
Case {{caseRef}}`,
    zh: `{{customer}}，您好：

感谢您就订单 {{order}}（{{product}}）提交退款申请。
很抱歉，根据退款政策，该订单不能全额退款，原因如下：
{{reasons}}
{{#actions}}
您接下来可以：
{{actions}}
{{/actions}}
如果以上内容与您了解的情况不符，请回复本邮件并附上详情，我们会重新审核您的申请。

此致
{{agent}}
案件编号 {{caseRef}}`,
  },
  needs_info: {
    en: `Dear {{customer}},

Thank you for your refund request for order {{order}} ({{product}}).
Before we can decide, please send us:
{{missing}}
{{#deadline}}Please reply before {{deadline}}, when the refund window closes.{{/deadline}}

Kind regards,
{{agent}}
Case {{caseRef}}`,
    zh: `{{customer}}，您好：

感谢您就订单 {{order}}（{{product}}）提交退款申请。
在作出决定之前，请您提供：
{{missing}}
{{#deadline}}请在退款期限截止（{{deadline}}）之前回复。{{/deadline}}

此致
{{agent}}
案件编号 {{caseRef}}`,
  },
};
