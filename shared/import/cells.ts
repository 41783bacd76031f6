import { FACTS, optionLabel, type ChoiceInput } from '../model/catalogue';
import { BILLING_METHODS, PRODUCT_TYPES, SERVICE_STATUSES } from '../model/facts';
import { LANGUAGES } from '../model/languages';
import { minorDigits } from '../model/money';
import { InstantFormatError, parseInstant, POLICY_UTC_OFFSET } from '../policy/time';
import type { CellKind } from './columns';
import type { AmountUnit } from '../model/import';

/** A cell's value, undefined for an empty cell ("not known"), or why it cannot be read. */
export type CellResult = { ok: true; value: unknown } | { ok: false; message: string };

export class CellError extends Error {}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  y: true,
  n: false,
  '1': true,
  '0': false,
  是: true,
  否: false,
};

/** How a choice's words are compared: full-width folded, case and spacing ignored. */
const choiceKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The words a file may write for a choice's value: its id and every label the catalogue gives
 * it, in every language (the console's own labels, as its exports and screens show them), and
 * words marketplaces use that the catalogue does not.
 */
function choiceNames(input: ChoiceInput, marketplaceWords: Record<string, string> = {}): Map<string, string> {
  const names = new Map<string, string>();
  for (const option of input.options) {
    names.set(choiceKey(option), option);
    for (const language of LANGUAGES) names.set(choiceKey(optionLabel(input, option, language)), option);
  }
  for (const [word, option] of Object.entries(marketplaceWords)) names.set(choiceKey(word), option);
  return names;
}

const PRODUCT_TYPE_NAMES = choiceNames(FACTS.productType.input, {
  软件: 'saas',
  人工服务: 'service',
  音视频套餐: 'rtc_package',
  'rtc package': 'rtc_package',
});
const BILLING_NAMES = choiceNames(FACTS.billingMethod.input);
const SERVICE_STATUS_NAMES = choiceNames(FACTS.serviceStatus.input, { 进行中: 'in_progress' });

function oneOf(names: ReadonlyMap<string, string>, what: string, allowed: readonly string[]) {
  return (text: string) => {
    const value = names.get(choiceKey(text));
    if (value === undefined) throw new CellError(`"${text}" is not a known ${what} (${allowed.join(', ')})`);
    return value;
  };
}

/** An ISO 4217 code as a cell may write it (cny, CNY). */
export const CURRENCY_CODE = /^[A-Za-z]{3}$/;

const AMOUNT = /^[¥￥]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** "199.00" yuan → 19900; "19900" fen → 19900. By string, so no float ever touches money. */
export function parseAmount(text: string, unit: AmountUnit, currency: string): number {
  const match = AMOUNT.exec(text);
  if (match === null)
    throw new CellError(`"${text}" is not an amount (e.g. ${unit === 'yuan' ? '199.00' : '19900'})`);
  const whole = match[1]!.replaceAll(',', '');
  const fraction = match[2] ?? '';
  if (unit === 'fen') {
    if (match[2] !== undefined) throw new CellError(`"${text}" must be a whole number of minor units (fen)`);
    return checkedAmount(Number(whole), text);
  }
  const digits = minorDigits(currency);
  if (fraction.length > digits) {
    throw new CellError(
      `"${text}" has ${fraction.length} decimal places; ${currency} amounts have at most ${digits}`,
    );
  }
  return checkedAmount(Number(whole + fraction.padEnd(digits, '0')), text);
}

function checkedAmount(value: number, text: string): number {
  if (!Number.isSafeInteger(value)) throw new CellError(`"${text}" is too large`);
  return value;
}

/** A UTC offset as an order file's times are assumed to be in ("+08:00"). */
export const UTC_OFFSET = /^[+-](?:0\d|1[0-4]):[0-5]\d$/;

/**
 * An instant with its offset; "2026-03-01 10:00:00+08:00" (space, as spreadsheets write it) too.
 * A time without an offset is read in `assumeOffset` when the agent said which it is: exports
 * of marketplaces write their local time bare.
 */
export function parseInstantCell(text: string, assumeOffset: string | null = null): string {
  const iso = /^\d{4}-\d{2}-\d{2} \d/.test(text) ? text.replace(' ', 'T') : text;
  try {
    parseInstant(iso);
    return iso;
  } catch (error) {
    if (!(error instanceof InstantFormatError)) throw error;
    if (!hasOffset(iso) && canParse(`${iso}${POLICY_UTC_OFFSET}`)) {
      if (assumeOffset !== null) return `${iso}${assumeOffset}`;
      throw new CellError(
        `"${text}" has no UTC offset: write one (e.g. ${POLICY_UTC_OFFSET}) or say which offset times without one are in`,
      );
    }
    throw new CellError(`"${text}" ${error.message}`);
  }
}

const hasOffset = (text: string) => /(?:Z|[+-]\d{2}(?::?\d{2})?)$/.test(text);
function canParse(text: string): boolean {
  try {
    parseInstant(text);
    return true;
  } catch {
    return false;
  }
}

/** What reading a cell may need besides its text: the amount's unit, the row's currency, the assumed offset. */
export interface CellContext {
  unit: AmountUnit | null;
  currency: string;
  assumeOffset: string | null;
}

const READERS: Record<Exclude<CellKind, 'amount' | 'instant'>, (text: string) => unknown> = {
  text: (text) => {
    // What a decoder gives for bytes it could not read: the file is in another encoding than
    // the one it was read in (a Latin-1 file taken for GB18030), and the text would be garbled.
    if (text.includes('\uFFFD')) {
      throw new CellError(
        `"${text}" has characters that could not be decoded: the file may be in another encoding (name it: latin1, utf8, gb18030…)`,
      );
    }
    // An export neutralises a would-be formula with a leading quote, and for Excel writes a long
    // numeric id as ="…" (kept as text there): reading it back undoes both.
    return text.replace(/^'(?=[=+\-@\t\r\n])/, '').replace(/^="(\d+)"$/, '$1');
  },
  boolean: (text) => {
    const value = BOOLEANS[text.toLowerCase()];
    if (value === undefined) throw new CellError(`"${text}" is not yes or no (true/false, 是/否, 1/0)`);
    return value;
  },
  minutes: (text) => {
    if (!/^\d+(?:\.\d+)?$/.test(text)) throw new CellError(`"${text}" is not a number of minutes`);
    return Number(text);
  },
  currency: (text) => {
    if (!CURRENCY_CODE.test(text))
      throw new CellError(`"${text}" is not an ISO 4217 code such as CNY or USD`);
    return text.toUpperCase();
  },
  productType: oneOf(PRODUCT_TYPE_NAMES, 'product kind', PRODUCT_TYPES),
  billingMethod: oneOf(BILLING_NAMES, 'billing method', BILLING_METHODS),
  serviceStatus: oneOf(SERVICE_STATUS_NAMES, 'service status', SERVICE_STATUSES),
};

/** Reads one trimmed, non-empty cell. */
export function readCell(kind: CellKind, text: string, context: CellContext): unknown {
  if (kind === 'amount') return parseAmount(text, context.unit ?? 'fen', context.currency);
  if (kind === 'instant') return parseInstantCell(text, context.assumeOffset);
  return READERS[kind](text);
}
