import { NewCaseSchema, type NewCase } from '../../../shared/model/case';
import {
  FACTS,
  FORM_FACTS_OF_EVERY_KIND,
  formFacts,
  type FactInput,
  type InputKind,
} from '../../../shared/model/catalogue';
import { isProductType, type FactKey } from '../../../shared/model/facts';
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

const ERROR_FIELD: Record<string, string> = {
  'customer.name': 'customerName',
  'customer.accountId': 'accountId',
};

/** Only what can change the answer for the chosen kind is asked; the rest would be noise. */
export const factFieldsOf = (kind: string | undefined): readonly FactKey[] =>
  isProductType(kind) ? formFacts(kind) : FORM_FACTS_OF_EVERY_KIND;

/** How a form field is entered: a fact's input from the catalogue; the case's own fields are text. */
export const inputOf = (name: string): FactInput =>
  Object.hasOwn(FACTS, name) ? FACTS[name as FactKey].input : { kind: 'text' };

// The form leaves judging a value to the schema, except money, which must never pass a float:
// only money reads as null here. A new kind of input does not compile until it is read here.
const READ: { [K in InputKind]: (text: string, currency: string, zone: string) => unknown } = {
  choice: (text) => text,
  yesno: (text) => text === 'yes',
  money: (text, currency) => parseMinorUnits(text, currency),
  instant: (text, _currency, zone) => localInputToIso(text, zone) ?? text,
  minutes: (text) => Number(text),
  text: (text) => text,
};

type Result = { ok: true; value: NewCase } | { ok: false; errors: FieldErrors };

/** `zone` is the one the form's date inputs say they read. */
export function toNewCase(form: FormValues, notMoney: string, now: number, zone: string): Result {
  const errors: FieldErrors = {};
  const text = (name: string) => (form[name] ?? '').trim();
  const optional = (name: string) => (text(name) === '' ? undefined : text(name));
  // The kind is always sent (it picks the fields) and the currency first (amounts are read in it).
  const currency = text('currency') || 'CNY';
  const facts: Record<string, unknown> = { productType: text('productType'), currency };

  for (const name of factFieldsOf(text('productType'))) {
    if (name in facts || text(name) === '') continue;
    const value = READ[inputOf(name).kind](text(name), currency, zone);
    if (value === null) errors[name] = notMoney;
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
