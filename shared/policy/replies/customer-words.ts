/**
 * The policy as a reply tells it to the customer: each clause as a reason addressed to them,
 * and each fact the rules miss as what they are asked to send. The agent-facing wording is in
 * ../clauses.ts; this one says "you" and names what the customer can look up themselves.
 * A window's length is a placeholder, filled per revision like the clauses' (versions/wording.ts).
 */
import type { FactId } from '../../model/catalogue';
import type { ClauseId } from '../../model/clause-ids';
import type { Language } from '../../model/languages';

type Texts = Readonly<Record<Language, string>>;

export const CUSTOMER_REASONS = {
  'saas.guarantee-window': {
    en: 'Software and SaaS products can be refunded in full within {saasGuaranteeDays} days of payment; your request came after those {saasGuaranteeDays} days.',
    zh: '软件和 SaaS 商品可在付款后 {saasGuaranteeDays} 天内全额退款；您的申请是在这 {saasGuaranteeDays} 天之后提出的。',
  },
  'service.in-progress': {
    en: 'A service order that is still in progress can be refunded while its service guarantee period lasts.',
    zh: '仍在服务中的订单，在服务保障期内可以退款。',
  },
  'service.completed': {
    en: 'Your service order is completed: every deliverable was accepted, or confirmed automatically at the final step.',
    zh: '您的服务订单已完成：所有交付物均已验收，或在最终确认环节被自动确认。',
  },
  'service.guarantee-window': {
    en: 'Your request came after the service guarantee period of this listing had ended.',
    zh: '您的申请是在该商品的服务保障期结束之后提出的。',
  },
  'image.subscription-window': {
    en: 'A machine image bought by subscription can be refunded within {imageSubscriptionDays} days of payment; your request came after those {imageSubscriptionDays} days.',
    zh: '包年包月的镜像可在付款后 {imageSubscriptionDays} 天内退款；您的申请是在这 {imageSubscriptionDays} 天之后提出的。',
  },
  'image.in-use': {
    en: 'The image is still in use, so it can be refunded once your data is backed up and the instance is stopped or moved to another operating system.',
    zh: '该镜像仍在使用中，需先备份数据并停止实例或更换操作系统后才能退款。',
  },
  'image.pay-as-you-go': {
    en: 'Machine images bought pay-as-you-go cannot be refunded.',
    zh: '按量付费购买的镜像不支持退款。',
  },
  'delivery.api-or-download': {
    en: 'Products delivered as a download or through an API cannot be refunded.',
    zh: '以下载或 API 方式交付的商品不支持退款。',
  },
  'rtc.unsubscribe-window': {
    en: 'A communication duration package can be unsubscribed within {rtcUnsubscribeDays} days of payment while none of it has been used; your request came after those {rtcUnsubscribeDays} days.',
    zh: '通信时长包在付款后 {rtcUnsubscribeDays} 天内且未使用时可以退订；您的申请是在这 {rtcUnsubscribeDays} 天之后提出的。',
  },
  'rtc.consumed': {
    en: 'Part of your communication duration package has been used, so it can no longer be unsubscribed, and the unused remainder is not refunded.',
    zh: '您的通信时长包已有使用，因此不能再退订，剩余未用部分也不退款。',
  },
  'rtc.expired': {
    en: 'Your communication duration package has expired, and an expired package cannot be refunded.',
    zh: '您的通信时长包已过期，过期的时长包不支持退款。',
  },
  'exclusion.no-service-request': {
    en: 'No service request was raised with the provider in the service supervision system within {silenceMonths} months of payment.',
    zh: '付款后 {silenceMonths} 个月内没有通过服务监管系统向服务商提交服务需求。',
  },
  'exclusion.info-withheld': {
    en: 'The project stopped because information it needed was not provided for more than {silenceMonths} months.',
    zh: '项目所需资料超过 {silenceMonths} 个月未提供，项目因此停止。',
  },
  'exclusion.scope-exceeded': {
    en: 'The work asked for goes beyond what the provider committed to deliver for this order.',
    zh: '所要求的工作超出了服务商为该订单承诺的服务范围。',
  },
  'exclusion.feedback-overdue': {
    en: 'Delivered work received no feedback or confirmation for more than {silenceMonths} months.',
    zh: '已交付的成果超过 {silenceMonths} 个月未得到反馈或确认。',
  },
  'exclusion.item-lapsed': {
    en: 'A service item expired because feedback or confirmation did not arrive in time.',
    zh: '由于未及时反馈或确认，服务项已过期失效。',
  },
  'exclusion.legal-violation': {
    en: 'The provider could not deliver because a legal requirement was not met on your side (for example, a website without the required ICP filing cannot go online).',
    zh: '由于您一方未满足法律法规要求（例如网站未取得 ICP 备案无法上线），服务商无法交付。',
  },
  'refund.cash-only': {
    en: 'The refund is the cash you paid: the order amount minus any voucher, which is not paid back.',
    zh: '退款金额为您实际支付的现金，即订单金额减去代金券，代金券不予退还。',
  },
  'refund.return-invoice': {
    en: 'An invoice was issued for the order, so it goes back to the provider with the refund.',
    zh: '该订单已开具发票，退款时需将发票退还给服务商。',
  },
  'refund.contact-provider': {
    en: 'The product’s provider handles questions about this refund first.',
    zh: '关于这笔退款的问题，请先由该商品的服务商受理。',
  },
} as const satisfies Record<ClauseId, Texts>;

export const MISSING_REQUESTS = {
  productType: {
    en: 'The name of the product on the order, as your order page shows it.',
    zh: '订单上的商品名称（以订单页面显示为准）。',
  },
  orderAmount: {
    en: 'The amount you paid for the order, from your bill or payment record.',
    zh: '您为该订单支付的金额（以账单或付款记录为准）。',
  },
  paidAt: {
    en: 'The date and time you paid for the order, from your payment record.',
    zh: '您为该订单付款的日期和时间（以付款记录为准）。',
  },
  billingMethod: {
    en: 'Whether you bought the image by subscription (monthly or yearly) or pay-as-you-go.',
    zh: '您购买该镜像的方式：包年包月还是按量付费。',
  },
  imageInUse: {
    en: 'Whether the image is still running on any of your instances.',
    zh: '该镜像是否仍在您的任何实例上运行。',
  },
  serviceStatus: {
    en: 'Whether the provider has delivered all the work and you have accepted it.',
    zh: '服务商是否已交付全部工作、您是否已全部验收。',
  },
  guaranteeEndsAt: {
    en: 'The end date of the service guarantee period, as shown on the listing or your order.',
    zh: '服务保障期的结束日期（以商品页面或订单为准）。',
  },
  'exclusions.noServiceRequest': {
    en: 'Whether, and when, you raised a service request with the provider in the service supervision system.',
    zh: '您是否以及何时通过服务监管系统向服务商提交过服务需求。',
  },
  'exclusions.infoWithheld': {
    en: 'Whether the provider is waiting for any information from you for the project, and since when.',
    zh: '服务商是否在等待您提供项目资料，以及从何时开始等待。',
  },
  'exclusions.scopeExceeded': {
    en: 'What you asked the provider to deliver, compared with what the listing promised.',
    zh: '您要求服务商交付的内容，以及商品页面承诺的内容。',
  },
  'exclusions.feedbackOverdue': {
    en: 'When you last gave feedback on, or confirmed, work the provider delivered.',
    zh: '您最近一次对服务商交付成果给出反馈或确认的时间。',
  },
  'exclusions.itemLapsed': {
    en: 'Whether any service item expired while it waited for your feedback or confirmation.',
    zh: '是否有服务项在等待您反馈或确认期间过期失效。',
  },
  'exclusions.legalViolation': {
    en: 'Whether anything on your side, such as a missing ICP filing, kept the provider from delivering.',
    zh: '您一方是否存在妨碍服务商交付的情况，例如网站缺少 ICP 备案。',
  },
  consumedMinutes: {
    en: 'Whether any minutes of the package have been used; your usage record in the console shows this.',
    zh: '时长包是否已有分钟数被使用（可在控制台的用量记录中查看）。',
  },
} as const satisfies Record<FactId, Texts>;
