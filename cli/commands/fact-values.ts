import { FACTS, type FactInput, type InputKind } from '../../shared/model/catalogue';
import { withFact, type FactKey, type Facts } from '../../shared/model/facts';
import { formatMinorUnits, parseMinorUnits } from '../../shared/model/money';
import { parseInstantCell } from '../../shared/import';
import { parseFacts } from '../../shared/policy/parse-facts';
import { DEFAULT_CURRENCY } from '../../shared/policy/read-facts';
import { BadInputError, UsageError } from '../errors';

/** One `--fact NAME=VALUE` of `case edit`, its name checked against the catalogue. */
export interface FactAssignment {
  fact: FactKey;
  text: string;
}

const FACT_KEYS = Object.keys(FACTS) as FactKey[];
const isFactKey = (name: string): name is FactKey => Object.hasOwn(FACTS, name);

/** "orderAmount=199.00" → the fact and its text; an unknown fact is named with the known ones. */
export function parseAssignment(option: string): FactAssignment {
  const equals = option.indexOf('=');
  if (equals <= 0) throw new UsageError(`--fact "${option}" is not NAME=VALUE (e.g. orderAmount=199.00)`);
  const name = option.slice(0, equals).trim();
  const text = option.slice(equals + 1).trim();
  if (!isFactKey(name)) throw new UsageError(`unknown fact "${name}"; the facts are ${FACT_KEYS.join(', ')}`);
  if (text === '') throw new UsageError(`--fact ${name}= needs a value`);
  return { fact: name, text };
}

type Reader<K extends InputKind> = (
  input: Extract<FactInput, { kind: K }>,
  text: string,
  currency: string,
) => unknown;

const YES_NO: Record<string, boolean> = { yes: true, no: false, true: true, false: false };

// One reader per input kind of the catalogue, as the console's inputs read them; a new kind
// does not compile until it is read here. Each throws the reason a text is not a value.
const READERS: { [K in InputKind]: Reader<K> } = {
  choice: (input, text) => {
    if (input.options.includes(text)) return text;
    throw new Error(`"${text}" is not one of ${input.options.join(', ')}`);
  },
  yesno: (_input, text) => {
    const value = YES_NO[text.toLowerCase()];
    if (value === undefined) throw new Error(`"${text}" is not yes or no`);
    return value;
  },
  money: (_input, text, currency) => {
    const value = parseMinorUnits(text, currency);
    if (value === null) {
      throw new Error(
        `"${text}" is not an amount in ${currency} (e.g. ${formatMinorUnits(19900, currency)})`,
      );
    }
    return value;
  },
  instant: (_input, text) => parseInstantCell(text),
  minutes: (_input, text) => {
    const value = Number(text);
    if (!/^\d+(?:\.\d+)?$/.test(text) || !Number.isFinite(value)) {
      throw new Error(`"${text}" is not a number of minutes`);
    }
    return value;
  },
  text: (_input, text) => text,
};

/**
 * The case's facts with each assignment applied in turn (amounts in the currency the case will
 * have, so `currency=USD orderAmount=19.99` reads the amount in dollars), then checked as the
 * rules check facts: an implausible value is refused with the field and the problem.
 */
export function applyAssignments(facts: Facts, assignments: readonly FactAssignment[], now: number): Facts {
  const currencySet = assignments.filter((assignment) => assignment.fact === 'currency').at(-1);
  const currency = (currencySet?.text ?? facts.currency ?? DEFAULT_CURRENCY).toUpperCase();
  let changed = facts;
  for (const { fact, text } of assignments) {
    const input = FACTS[fact].input;
    let value: unknown;
    try {
      value =
        fact === 'currency'
          ? text.toUpperCase()
          : (READERS[input.kind] as Reader<InputKind>)(input, text, currency);
    } catch (error) {
      throw new BadInputError(`${fact}: ${error instanceof Error ? error.message : String(error)}`);
    }
    changed = withFact(changed, fact, value);
  }
  const checked = parseFacts(changed, now);
  if (!checked.ok) throw new BadInputError(`${checked.error.field}: ${checked.error.message}`);
  return checked.facts;
}
