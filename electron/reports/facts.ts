import { FACT_KEYS, FACTS, optionLabel, type FactEntry } from '../../shared/model/catalogue';
import { readFact, type Facts } from '../../shared/model/facts';
import type { Language } from '../../shared/model/languages';
import { formatMinorUnits } from '../../shared/model/money';
import { formatInPolicyZone } from '../../shared/policy';
import { DEFAULT_CURRENCY } from '../../shared/policy/read-facts';
import { CASE_LABELS } from './case-labels';

/** An instant as the policy zone's wall clock shows it (text that is no instant stays as it is). */
/** An instant on the policy zone's clock; with seconds where they decide the outcome. */
export const zoned = (iso: string, seconds = false): string => {
  const instant = Date.parse(iso);
  return Number.isNaN(instant) ? iso : formatInPolicyZone(instant, { seconds });
};

export const money = (amount: number, currency: string): string =>
  `${currency} ${formatMinorUnits(amount, currency)}`;

function valueText(entry: FactEntry, value: unknown, currency: string, language: Language): string {
  const input = entry.input;
  switch (input.kind) {
    case 'choice':
      return optionLabel(input, value as string, language);
    case 'yesno':
      return value === true ? CASE_LABELS[language].yes : CASE_LABELS[language].no;
    case 'money':
      return money(value as number, currency);
    case 'instant':
      return `${zoned(value as string)} (${value as string})`;
    case 'minutes':
    case 'text':
      return String(value);
  }
}

/** Every known fact as [label, value] in the catalogue's order; unknown facts are left out. */
export function factRows(facts: Facts, language: Language): [string, string][] {
  const currency = facts.currency ?? DEFAULT_CURRENCY;
  const rows: [string, string][] = [];
  for (const key of FACT_KEYS) {
    const value = readFact(facts, key);
    if (value === undefined) continue;
    const entry = FACTS[key] as FactEntry;
    rows.push([entry.label[language], valueText(entry, value, currency, language)]);
  }
  return rows;
}
