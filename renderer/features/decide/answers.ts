import { DateTime } from 'luxon';
import type { FactInput, InputKind, InputValue } from '../../../shared/model/catalogue';
import { formatMinorUnits, parseMinorUnits } from '../../../shared/model/money';
import { localInputToIso } from '../../lib/time';

/** What an answer is read against: amounts in the case's currency, times in the zone the input names. */
export interface ReadContext {
  currency: string;
  zone: string;
}

type Reader<K extends InputKind> = (
  input: Extract<FactInput, { kind: K }>,
  text: string,
  context: ReadContext,
) => unknown;

// One reader per input kind: a new kind of input does not compile until it is read here.
const READERS: { [K in InputKind]: Reader<K> } = {
  choice: (input, text) => (input.options.includes(text) ? text : null),
  yesno: (_input, text) => (text === 'yes' ? true : text === 'no' ? false : null),
  money: (_input, text, { currency }) => parseMinorUnits(text, currency),
  instant: (_input, text, { zone }) => localInputToIso(text, zone),
  minutes: (_input, text) => {
    const value = Number(text);
    return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : null;
  },
  text: (_input, text) => (text.trim() === '' ? null : text.trim()),
};

/** The typed answer as a fact value, or null when it is not a valid one. Money never goes through a float. */
export function readAnswer(input: FactInput, text: string, context: ReadContext): unknown {
  return (READERS[input.kind] as Reader<InputKind>)(input, text, context);
}

type Writer<K extends InputKind> = (value: InputValue[K], context: ReadContext) => string;

// The inverse of READERS: a stored value as the input shows it, so "Change" starts from it.
const WRITERS: { [K in InputKind]: Writer<K> } = {
  choice: (value) => value,
  yesno: (value) => (value ? 'yes' : 'no'),
  money: (value, { currency }) => formatMinorUnits(value, currency).replace(/,/g, ''),
  instant: (value, { zone }) => DateTime.fromISO(value).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm"),
  minutes: (value) => String(value),
  text: (value) => value,
};

/** A stored fact value as the text its input takes, in the zone it reads; empty for a fact not known yet. */
export function answerText(input: FactInput, value: unknown, context: ReadContext): string {
  if (value === undefined || value === null) return '';
  return (WRITERS[input.kind] as Writer<InputKind>)(value as never, context);
}
