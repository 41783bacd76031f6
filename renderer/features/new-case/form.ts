import { NewCaseSchema, type NewCase } from '../../../shared/model/case';
import type { ProductType } from '../../../shared/model/facts';
import { parseMinorUnits } from '../../../shared/model/money';
import { parseFacts } from '../../../shared/policy/parse-facts';
import { localInputToIso } from '../../lib/time';

/** The form as typed: text only, converted in one place so no float ever touches money. */
export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

export const EMPTY_FORM: FormValues = { productType: 'saas', currency: 'CNY', invoiceIssued: 'no' };

export const CASE_FIELDS = [
  'customerName',
  'accountId',
  'contact',
  'orderId',
  'productName',
  'provider',
  'assignee',
];

/** Only what can change the answer for this kind is asked; the rest would be noise. */
export const KIND_FIELDS: Record<ProductType, string[]> = {
  saas: [],
  api: [],
  image: ['billingMethod', 'imageInUse'],
  service: ['serviceStatus', 'guaranteeEndsAt'],
  rtc_package: ['consumedMinutes', 'expiresAt'],
};

const DATE_FIELDS = new Set(['paidAt', 'requestedAt', 'guaranteeEndsAt', 'expiresAt']);
const BOOLEAN_FIELDS = new Set(['invoiceIssued', 'imageInUse']);
const ERROR_FIELD: Record<string, string> = {
  'customer.name': 'customerName',
  'customer.accountId': 'accountId',
};

export const isDateField = (name: string) => DATE_FIELDS.has(name);
export const isBooleanField = (name: string) => BOOLEAN_FIELDS.has(name);

type Result = { ok: true; value: NewCase } | { ok: false; errors: FieldErrors };

export function toNewCase(form: FormValues, notMoney: string, now: number): Result {
  const errors: FieldErrors = {};
  const text = (name: string) => (form[name] ?? '').trim();
  const optional = (name: string) => (text(name) === '' ? undefined : text(name));
  const currency = text('currency') || 'CNY';
  const facts: Record<string, unknown> = { productType: text('productType'), currency };

  for (const name of ['orderAmount', 'voucherAmount']) {
    if (text(name) === '') continue;
    const amount = parseMinorUnits(text(name), currency);
    if (amount === null) errors[name] = notMoney;
    else facts[name] = amount;
  }
  const kind = text('productType') as ProductType;
  for (const name of ['paidAt', 'requestedAt', 'invoiceIssued', ...(KIND_FIELDS[kind] ?? [])]) {
    const value = text(name);
    if (value === '') continue;
    if (isDateField(name)) facts[name] = localInputToIso(value) ?? value;
    else if (isBooleanField(name)) facts[name] = value === 'yes';
    else if (name === 'consumedMinutes') facts[name] = Number(value);
    else facts[name] = value;
  }

  const parsed = NewCaseSchema.safeParse({
    customer: { name: text('customerName'), accountId: text('accountId'), contact: optional('contact') },
    orderId: text('orderId'),
    productName: text('productName'),
    provider: text('provider'),
    assignee: optional('assignee'),
    facts,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const field = ERROR_FIELD[path] ?? String(issue.path.at(-1));
      errors[field] ??= issue.message;
    }
  } else {
    // What the schema cannot see field by field: voucher against amount, request before payment.
    const whole = parseFacts(parsed.data.facts, now);
    if (!whole.ok) errors[whole.error.field] ??= whole.error.message;
  }
  return Object.keys(errors).length > 0 || !parsed.success
    ? { ok: false, errors }
    : { ok: true, value: parsed.data };
}
