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
import { MAX_PLAUSIBLE_AMOUNT } from '../../../shared/model/plausibility';
import { translateProblem, type Translate } from '../../i18n/problems';
import { parseFacts } from '../../../shared/policy/parse-facts';
import { localInputToIso } from '../../lib/time';

/** The form as typed: text only, converted in one place so no float ever touches money. */
export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;
export type { Translate };

/**
 * What the form starts with: the kind (it picks the questions) and the currency (amounts are
 * read in it). Every fact starts not known: a fact nobody gave must not reach the rules.
 */
export const EMPTY_FORM: FormValues = { productType: 'saas', currency: 'CNY' };

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

/**
 * Typed money in minor units, or the key of what is wrong with it: a minus sign or a huge
 * number is not a typing-format slip, so it is not answered with "enter an amount like 199.00".
 */
function readMoney(text: string, currency: string): number | { problem: string } {
  const negative = /^\s*-/.test(text);
  const amount = parseMinorUnits(negative ? text.replace('-', '') : text, currency);
  if (amount === null) {
    // Digits that only fail for their size are a huge amount, not a malformed one.
    const huge = /^\s*[\d,]{16,}(\.\d*)?\s*$/.test(text);
    return { problem: huge ? 'problems.tooLarge' : 'newCase.notMoney' };
  }
  if (negative) return { problem: 'problems.negative' };
  return amount > MAX_PLAUSIBLE_AMOUNT ? { problem: 'problems.tooLarge' } : amount;
}

// The form leaves judging a value to the schema, except money, which must never pass a float:
// only money can come back as a problem here. A new kind of input does not compile until it is
// read here.
const READ: { [K in InputKind]: (text: string, currency: string, zone: string) => unknown } = {
  choice: (text) => text,
  yesno: (text) => text === 'yes',
  money: readMoney,
  instant: (text, _currency, zone) => localInputToIso(text, zone) ?? text,
  minutes: (text) => Number(text),
  text: (text) => text,
};

type Result = { ok: true; value: NewCase } | { ok: false; errors: FieldErrors };

const isProblem = (value: unknown): value is { problem: string } =>
  typeof value === 'object' && value !== null && 'problem' in value;

/**
 * The form as a new case, or the errors to stand at each field. `incomplete` names the date
 * fields the browser holds half-typed (it reports them empty): they block the case rather
 * than let it be created without them. `zone` is the one the form's date inputs say they read.
 */
export function toNewCase(
  form: FormValues,
  t: Translate,
  now: number,
  zone: string,
  incomplete: readonly string[] = [],
): Result {
  const errors: FieldErrors = {};
  for (const name of incomplete) errors[name] = t('newCase.halfTypedDate');
  const text = (name: string) => (form[name] ?? '').trim();
  const optional = (name: string) => (text(name) === '' ? undefined : text(name));
  // The kind is always sent (it picks the fields) and the currency first (amounts are read in it).
  const currency = text('currency') || 'CNY';
  const facts: Record<string, unknown> = { productType: text('productType'), currency };

  for (const name of factFieldsOf(text('productType'))) {
    if (name in facts || text(name) === '' || name in errors) continue;
    const value = READ[inputOf(name).kind](text(name), currency, zone);
    if (isProblem(value)) errors[name] = t(value.problem);
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
      errors[field] ??=
        issue.code === 'too_big' && issue.origin === 'string'
          ? t('problems.tooLong', { max: issue.maximum })
          : translateProblem(issue.message, t);
    }
  } else {
    // What the schema cannot see field by field: voucher against amount, request before payment.
    const whole = parseFacts(parsed.data.facts, now);
    if (!whole.ok) errors[whole.error.field] ??= translateProblem(whole.error.message, t);
  }
  return Object.keys(errors).length > 0 || !parsed.success
    ? { ok: false, errors }
    : { ok: true, value: parsed.data };
}
