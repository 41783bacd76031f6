/**
 * The one description of every fact and every product kind: how a fact is entered and shown,
 * what it is called in each language, which kinds ask it, and what each kind puts on the form.
 * The rules' asking order, the new-case form, the guided questions' inputs, the fact list and
 * the labels are all derived from here, not kept in parallel tables.
 *
 * Adding a product kind:
 * 1. its id in PRODUCT_TYPES (facts.ts); the compiler then asks for its entry in KINDS below
 *    (labels in both languages, whether refusals go to the provider, its form facts) and for
 *    its rules in shared/policy/decide.ts;
 * 2. its rules in shared/policy/kinds/<kind>.ts;
 * 3. its clause ids (clause-ids.ts) and their texts in both languages (shared/policy/clauses.ts);
 * 4. `askedFor` below on every fact its rules can ask.
 * Adding a fact: its field in FactsSchema (facts.ts), then its entry in FACTS (the compiler
 * insists); if the rules can ask it, its place in FACT_IDS and its question in
 * shared/policy/questions.ts. catalogue.test.ts fails while any of it is missing.
 */
import { BILLING_METHODS, EXCLUSION_KEYS, PRODUCT_TYPES, SERVICE_STATUSES } from './facts';
import type { ExclusionKey, FactKey, FactValue, ProductType } from './facts';
import type { Language } from './languages';

/** A text in every language the console writes. */
export type Labels = Readonly<Record<Language, string>>;

export interface ChoiceInput<V extends string = string> {
  kind: 'choice';
  options: readonly V[];
  labels: Readonly<Record<V, Labels>>;
}

/** How a fact is entered and shown. Its value type follows from it (InputValue). */
export type FactInput =
  | ChoiceInput
  | { kind: 'yesno' }
  | { kind: 'money' }
  | { kind: 'instant' }
  | { kind: 'minutes' }
  | { kind: 'text' };
export type InputKind = FactInput['kind'];

// The compiler holds a choice's labels to its options, so the label is always there.
export const optionLabel = (input: ChoiceInput, value: string, language: Language): string =>
  input.labels[value]![language];

/** The value each input kind gives: money in integer minor units, an instant as ISO 8601 with its offset. */
export interface InputValue {
  choice: string;
  yesno: boolean;
  money: number;
  instant: string;
  minutes: number;
  text: string;
}

/** A case whose kind is not known yet, for the facts asked before the kind is. */
export const KIND_UNKNOWN = 'kind unknown';
export type Asker = ProductType | typeof KIND_UNKNOWN;

/** The facts `missing` can name, in the one order an agent asks them. */
export const FACT_IDS = [
  'productType',
  'orderAmount',
  'paidAt',
  'billingMethod',
  'imageInUse',
  'serviceStatus',
  'guaranteeEndsAt',
  ...EXCLUSION_KEYS.map((key) => `exclusions.${key}` as const),
  'consumedMinutes',
] as const satisfies readonly FactKey[];
export type FactId = (typeof FACT_IDS)[number];

// The compiler holds each entry to its schema field: an input whose value does not fit the
// field, or a choice whose labels are not the field's values, does not compile. Free text is
// an instant or plain text; a closed set of values is a choice of exactly those.
type InputFor<V> = [V] extends [boolean]
  ? { kind: 'yesno' }
  : [V] extends [number]
    ? { kind: 'money' } | { kind: 'minutes' }
    : [V] extends [string]
      ? string extends V
        ? { kind: 'instant' } | { kind: 'text' }
        : ChoiceInput<V>
      : never;

/** One fact's entry, held to its schema field and to whether the rules ask it. */
export type FactEntryOf<K extends FactKey> = {
  label: Labels;
  input: InputFor<NonNullable<FactValue<K>>>;
} & (K extends FactId
  ? {
      /** Which cases the guided flow may ask it for. */
      askedFor: readonly Asker[];
    }
  : { askedFor?: never });

/** Any fact's entry, as code that walks every fact sees it. */
export interface FactEntry {
  label: Labels;
  input: FactInput;
  askedFor?: readonly Asker[];
}

export interface KindEntry {
  label: Labels;
  /** A refusal points the customer at the provider (clause refund.contact-provider). */
  refusalsGoToProvider: boolean;
  /** What the new-case form asks for this kind, after the facts it asks for every kind. */
  formFacts: readonly FactKey[];
}

export const KINDS: Readonly<Record<ProductType, KindEntry>> = {
  saas: {
    label: { en: 'SaaS / software', zh: 'SaaS / 软件' },
    refusalsGoToProvider: true,
    formFacts: [],
  },
  service: {
    label: { en: 'Service', zh: '服务' },
    refusalsGoToProvider: true,
    formFacts: ['serviceStatus', 'guaranteeEndsAt'],
  },
  image: {
    label: { en: 'Machine image', zh: '镜像' },
    refusalsGoToProvider: true,
    formFacts: ['billingMethod', 'imageInUse'],
  },
  api: {
    label: { en: 'API / download', zh: 'API / 下载' },
    refusalsGoToProvider: true,
    formFacts: [],
  },
  rtc_package: {
    label: { en: 'Communication package', zh: '通信时长包' },
    refusalsGoToProvider: false,
    formFacts: ['consumedMinutes', 'expiresAt'],
  },
};

/** What the new-case form asks whatever the kind, in this order. */
export const FORM_FACTS_OF_EVERY_KIND = [
  'productType',
  'currency',
  'orderAmount',
  'voucherAmount',
  'paidAt',
  'requestedAt',
  'invoiceIssued',
] as const satisfies readonly FactKey[];

export const formFacts = (kind: ProductType): readonly FactKey[] => [
  ...FORM_FACTS_OF_EVERY_KIND,
  ...KINDS[kind].formFacts,
];

const REFUNDABLE_KINDS = ['saas', 'service', 'image', 'rtc_package'] as const;
const yesno = { kind: 'yesno' } as const;
const instant = { kind: 'instant' } as const;
const money = { kind: 'money' } as const;
const exclusion = (en: string, zh: string): FactEntryOf<`exclusions.${ExclusionKey}`> => ({
  label: { en, zh },
  input: yesno,
  askedFor: ['service'],
});

/** Every fact, in the order the console lists them. */
export const FACTS: { readonly [K in FactKey]: FactEntryOf<K> } = {
  productType: {
    label: { en: 'Product kind', zh: '商品类型' },
    input: {
      kind: 'choice',
      options: PRODUCT_TYPES,
      labels: Object.fromEntries(PRODUCT_TYPES.map((kind) => [kind, KINDS[kind].label])) as Record<
        ProductType,
        Labels
      >,
    },
    askedFor: [KIND_UNKNOWN],
  },
  currency: { label: { en: 'Currency', zh: '币种' }, input: { kind: 'text' } },
  orderAmount: {
    label: { en: 'Order amount', zh: '订单金额' },
    input: money,
    askedFor: [KIND_UNKNOWN, ...REFUNDABLE_KINDS],
  },
  voucherAmount: { label: { en: 'Voucher amount', zh: '代金券金额' }, input: money },
  paidAt: {
    label: { en: 'Paid at', zh: '付款时间' },
    input: instant,
    askedFor: [KIND_UNKNOWN, ...REFUNDABLE_KINDS],
  },
  requestedAt: { label: { en: 'Refund requested at', zh: '申请退款时间' }, input: instant },
  invoiceIssued: { label: { en: 'Invoice issued', zh: '已开发票' }, input: yesno },
  billingMethod: {
    label: { en: 'Billing method', zh: '计费方式' },
    input: {
      kind: 'choice',
      options: BILLING_METHODS,
      labels: {
        subscription: { en: 'Subscription (monthly or yearly)', zh: '包年包月' },
        pay_as_you_go: { en: 'Pay-as-you-go', zh: '按量付费' },
      },
    },
    askedFor: ['image'],
  },
  imageInUse: { label: { en: 'Image in use', zh: '镜像使用中' }, input: yesno, askedFor: ['image'] },
  serviceStatus: {
    label: { en: 'Service status', zh: '服务状态' },
    input: {
      kind: 'choice',
      options: SERVICE_STATUSES,
      labels: {
        in_progress: { en: 'In progress', zh: '服务中' },
        completed: { en: 'Completed', zh: '已完成' },
      },
    },
    askedFor: ['service'],
  },
  guaranteeEndsAt: {
    label: { en: 'Service guarantee ends', zh: '服务保障期结束' },
    input: instant,
    askedFor: ['service'],
  },
  'exclusions.noServiceRequest': exclusion('No service request from the customer', '客户未提交服务需求'),
  'exclusions.infoWithheld': exclusion('Customer withheld needed information', '客户未提供所需资料'),
  'exclusions.scopeExceeded': exclusion('Demands beyond the committed scope', '需求超出承诺的服务范围'),
  'exclusions.feedbackOverdue': exclusion('No feedback on delivered work', '客户未反馈交付成果'),
  'exclusions.itemLapsed': exclusion(
    'Service item lapsed for want of the customer’s answer',
    '因客户未及时反馈导致服务项过期',
  ),
  'exclusions.legalViolation': exclusion('Customer’s breach of law stopped delivery', '客户违法导致无法履约'),
  consumedMinutes: {
    label: { en: 'Minutes used', zh: '已用分钟数' },
    input: { kind: 'minutes' },
    askedFor: ['rtc_package'],
  },
  expiresAt: { label: { en: 'Package expires', zh: '时长包到期' }, input: instant },
};

/** Every fact the catalogue knows, in the order the console lists them. */
export const FACT_KEYS = Object.keys(FACTS) as FactKey[];
