import type { FactId } from '../model/catalogue';
import type { Language } from '../model/languages';

export interface Question {
  question: string;
  hint: string;
}

/**
 * One question per fact the rules can report missing, with a hint on where the agent finds
 * the answer. Kept beside the rules so the guided flow can never ask about a fact the rules
 * do not know.
 */
export const FACT_QUESTIONS: Record<FactId, Record<Language, Question>> = {
  productType: {
    en: {
      question: 'What kind of product is it?',
      hint: 'The delivery method on the listing: SaaS, service, machine image, API/download or communication package.',
    },
    zh: { question: '这是哪类商品？', hint: '看商品页的交付方式：SaaS、服务、镜像、API/下载或通信时长包。' },
  },
  orderAmount: {
    en: {
      question: 'What was the order amount?',
      hint: 'The full order price before vouchers, from the order record.',
    },
    zh: { question: '订单金额是多少？', hint: '订单记录中抵扣代金券之前的订单总价。' },
  },
  paidAt: {
    en: {
      question: 'When did the customer finish paying?',
      hint: 'The payment time on the order.',
    },
    zh: { question: '客户何时完成付款？', hint: '订单上的付款时间。' },
  },
  billingMethod: {
    en: {
      question: 'How was the image billed?',
      hint: 'Subscription (monthly or yearly) or pay-as-you-go, from the order.',
    },
    zh: { question: '镜像的计费方式是什么？', hint: '订单上的包年包月或按量付费。' },
  },
  imageInUse: {
    en: {
      question: 'Is the image in use on an instance?',
      hint: 'In use if an instance is running it; the customer can check in the console.',
    },
    zh: {
      question: '镜像是否正在实例上使用？',
      hint: '有实例正在运行该镜像即为使用中，客户可在控制台查看。',
    },
  },
  serviceStatus: {
    en: {
      question: 'What is the service status in the supervision system?',
      hint: 'In progress until every deliverable is accepted; completed after acceptance or automatic confirmation.',
    },
    zh: {
      question: '服务监管系统中的服务状态是什么？',
      hint: '交付物未全部验收为服务中；全部验收或系统自动确认后为已完成。',
    },
  },
  guaranteeEndsAt: {
    en: {
      question: 'When does the service guarantee period end?',
      hint: 'Set per listing; see the listing’s service guarantee terms.',
    },
    zh: { question: '服务保障期何时结束？', hint: '由商品自行设定，见商品的服务保障说明。' },
  },
  'exclusions.noServiceRequest': {
    en: {
      question: 'Did the customer submit a service request within {silenceMonths} months of paying?',
      hint: 'Check the supervision system for any request from the customer.',
    },
    zh: {
      question: '客户付款后 {silenceMonths} 个月内是否提交过服务需求？',
      hint: '在服务监管系统中查看客户的需求记录。',
    },
  },
  'exclusions.infoWithheld': {
    en: {
      question:
        'Did the customer withhold needed information for over {silenceMonths} months, stopping the project?',
      hint: 'Look for unanswered requests for materials in the project log.',
    },
    zh: {
      question: '客户是否拖延提供所需资料超过 {silenceMonths} 个月，导致项目停止？',
      hint: '查看项目记录中未答复的资料请求。',
    },
  },
  'exclusions.scopeExceeded': {
    en: {
      question: 'Do the customer’s new demands go beyond the committed scope?',
      hint: 'Compare the request with the scope the provider accepted with the order.',
    },
    zh: { question: '客户的新需求是否超出承诺的服务范围？', hint: '将需求与服务商接单时确认的范围对比。' },
  },
  'exclusions.feedbackOverdue': {
    en: {
      question:
        'Did the customer give feedback on or confirm delivered work within {silenceMonths} months of delivery?',
      hint: 'Check the confirmation steps in the supervision system.',
    },
    zh: {
      question: '客户是否在交付后 {silenceMonths} 个月内对交付成果给出反馈或确认？',
      hint: '查看服务监管系统中的确认环节。',
    },
  },
  'exclusions.itemLapsed': {
    en: {
      question: 'Did a service item expire while it waited for the customer’s answer or confirmation?',
      hint: 'Look for items marked expired after an unanswered confirmation in the supervision system.',
    },
    zh: {
      question: '是否有服务项因等待客户反馈或确认超时而过期失效？',
      hint: '在服务监管系统中查看因确认未答复而被标记为过期的服务项。',
    },
  },
  'exclusions.legalViolation': {
    en: {
      question: 'Was delivery stopped because the customer broke a law or regulation?',
      hint: 'For example, no ICP filing, so the website cannot go online.',
    },
    zh: {
      question: '是否因客户违反法律法规导致服务商无法履约？',
      hint: '例如网站未取得 ICP 备案而无法上线。',
    },
  },
  consumedMinutes: {
    en: {
      question: 'How many minutes of the package have been used?',
      hint: 'From the package’s usage record; any use at all rules out a refund.',
    },
    zh: { question: '时长包已使用多少分钟？', hint: '见时长包的用量记录；只要有任何使用即不支持退款。' },
  },
};

/**
 * Questions that ask about the opposite of their fact, so that every question reads positively
 * ("Did the customer submit a service request…?" for the fact "no service request"): their
 * "yes" stores false.
 */
const ASKED_AS_OPPOSITE: ReadonlySet<FactId> = new Set([
  'exclusions.noServiceRequest',
  'exclusions.feedbackOverdue',
]);

/** The fact value a yes/no answer to the fact's question stands for. */
export const factValueOfAnswer = (fact: FactId, yes: boolean): boolean =>
  ASKED_AS_OPPOSITE.has(fact) ? !yes : yes;

/** For an exclusion's question, the answer ("yes" true, "no" false) that rules a refund out. */
export function excludingAnswer(fact: FactId): boolean | undefined {
  if (!fact.startsWith('exclusions.')) return undefined;
  return factValueOfAnswer(fact, true);
}
