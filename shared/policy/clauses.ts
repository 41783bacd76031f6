/**
 * The clauses a decision can cite. Ids are stable: reports, exports and the audit trail keep
 * them, so a wording change never changes an id. The texts are the console's own summary of
 * the marketplace policy, written for agents, in English and Simplified Chinese. A window's
 * length is a placeholder (`{saasGuaranteeDays}`, a key of a revision's `windows`) that each
 * revision fills with its own (versions/wording.ts): a draft that changes a window reads right.
 */
import type { ActionId, ClauseId } from '../model/clause-ids';
import type { Language } from '../model/languages';

type Texts = Record<Language, string>;

export const CLAUSE_TEXTS = {
  'saas.guarantee-window': {
    en: 'Ready-to-use software and SaaS products carry a {saasGuaranteeDays}-day guarantee from payment: inside it the customer gets a full refund without giving a reason; after it, no full refund.',
    zh: '即买即用的软件和 SaaS 商品自付款起享有 {saasGuaranteeDays} 天保障期：保障期内客户无需说明理由即可全额退款；超过保障期不再支持全额退款。',
  },
  'service.in-progress': {
    en: 'A service order that is still in progress (not every deliverable accepted) can be fully refunded while the request falls inside its service guarantee period, unless an exclusion applies.',
    zh: '服务类订单仍在服务中（交付物尚未全部验收）且申请在服务保障期内的，可以全额退款，除非存在免责情形。',
  },
  'service.completed': {
    en: 'A service order that is completed (every deliverable accepted, or confirmed automatically when the customer did not answer the final confirmation) cannot be fully refunded.',
    zh: '服务类订单已完成（交付物已全部验收，或客户在最终确认环节未反馈而由系统自动确认）的，不支持全额退款。',
  },
  'service.guarantee-window': {
    en: 'A request made after the service guarantee period of the listing has ended cannot be fully refunded.',
    zh: '在商品的服务保障期结束之后提出的申请，不支持全额退款。',
  },
  'image.subscription-window': {
    en: 'A machine image bought by subscription (monthly or yearly) can be fully refunded within {imageSubscriptionDays} days of payment; after {imageSubscriptionDays} days it cannot.',
    zh: '包年包月购买的镜像在付款后 {imageSubscriptionDays} 天内可以全额退款；超过 {imageSubscriptionDays} 天不支持。',
  },
  'image.in-use': {
    en: 'If the image is in use, the customer first backs up their data and then stops the instance or switches it to another operating system, and applies again before the {imageSubscriptionDays} days are over.',
    zh: '如果镜像正在使用中，客户需先备份数据，再停止实例或更换操作系统，并在 {imageSubscriptionDays} 天期满前重新申请。',
  },
  'image.pay-as-you-go': {
    en: 'Machine images bought pay-as-you-go are never refundable.',
    zh: '按量付费购买的镜像不支持退款。',
  },
  'delivery.api-or-download': {
    en: 'Products delivered as a tool download or through an API are never refundable.',
    zh: '以工具下载或 API 方式交付的商品不支持退款。',
  },
  'rtc.unsubscribe-window': {
    en: 'An audio/video communication duration package can be unsubscribed within {rtcUnsubscribeDays} days of payment if none of it has been used; after {rtcUnsubscribeDays} days it cannot.',
    zh: '音视频通信时长包在付款后 {rtcUnsubscribeDays} 天内且未使用的，可以退订；超过 {rtcUnsubscribeDays} 天不支持。',
  },
  'rtc.consumed': {
    en: 'Once any part of a communication duration package has been used, it cannot be unsubscribed, and the unused remainder is not refunded.',
    zh: '时长包一旦有任何消耗即不支持退订，剩余未用部分也不退款。',
  },
  'rtc.expired': {
    en: 'A communication duration package past its expiry cannot be unsubscribed or refunded.',
    zh: '已过有效期的时长包不支持退订或退款。',
  },
  'exclusion.no-service-request': {
    en: 'No full refund when the customer raised no service request in the service supervision system within {silenceMonths} months of paying.',
    zh: '客户付款后 {silenceMonths} 个月内未通过服务监管系统提交服务需求的，不支持全额退款。',
  },
  'exclusion.info-withheld': {
    en: 'No full refund when the customer withheld information the project needed for more than {silenceMonths} months and the work had to stop.',
    zh: '客户超过 {silenceMonths} 个月未提供项目所需资料、导致项目被迫停止的，不支持全额退款。',
  },
  'exclusion.scope-exceeded': {
    en: 'No full refund when the customer’s new demands go beyond the scope the provider committed to when taking the order.',
    zh: '客户提出的新需求超出服务商接单时承诺的服务范围的，不支持全额退款。',
  },
  'exclusion.feedback-overdue': {
    en: 'No full refund when the customer gave no feedback or confirmation on delivered work for more than {silenceMonths} months.',
    zh: '客户超过 {silenceMonths} 个月未对交付成果给出反馈或确认的，不支持全额退款。',
  },
  'exclusion.item-lapsed': {
    en: 'No full refund when a service item expired because the customer did not give feedback or confirm it in time; this holds however soon after payment it happened.',
    zh: '因客户未及时反馈或确认而导致服务项过期失效的，不支持全额退款；无论距付款多久，均适用。',
  },
  'exclusion.legal-violation': {
    en: 'No full refund when the provider could not deliver because the customer broke a law or regulation (for example, a website without the required ICP filing cannot go online).',
    zh: '因客户自身违反法律法规导致服务商无法履约的（例如网站未取得 ICP 备案而无法上线），不支持全额退款。',
  },
  'refund.cash-only': {
    en: 'The refund is the cash actually paid: the order amount minus any voucher. Vouchers and coupons are not returned.',
    zh: '退款金额为实际支付的现金，即订单金额减去代金券金额；代金券和优惠券不予退还。',
  },
  'refund.return-invoice': {
    en: 'An invoice was issued, so the customer returns it to the provider as part of the refund.',
    zh: '已开具发票的，客户需在退款时将发票退还给服务商。',
  },
  'refund.contact-provider': {
    en: 'A full refund is not available under the policy; the customer’s next step is to contact the product’s provider, who handles questions about the refund first.',
    zh: '按政策不支持全额退款；客户下一步应联系该商品的服务商，退款相关问题由服务商首先受理。',
  },
} as const satisfies Record<ClauseId, Texts>;

export const ACTION_TEXTS = {
  backup_data: { en: 'Back up the data on the instance.', zh: '备份实例上的数据。' },
  stop_instance_or_replace_os: {
    en: 'Stop the instance or switch it to another operating system, then apply again.',
    zh: '停止实例或更换为其他操作系统，然后重新申请。',
  },
  return_invoice: { en: 'Return the invoice to the provider.', zh: '将发票退还给服务商。' },
  contact_provider: {
    en: 'Contact the product’s provider about the refund.',
    zh: '就退款事宜联系该商品的服务商。',
  },
} as const satisfies Record<ActionId, Texts>;
