import { useTranslation } from 'react-i18next';
import {
  FACT_IDS,
  FACT_KEYS,
  FACTS,
  optionLabel,
  type FactEntry,
  type FactId,
  type FactInput,
  type InputKind,
  type InputValue,
} from '../../../shared/model/catalogue';
import { readFact, type FactKey, type Facts } from '../../../shared/model/facts';
import { formatMinorUnits } from '../../../shared/model/money';
import type { Language } from '../../../shared/model/languages';
import { DEFAULT_CURRENCY } from '../../../shared/policy/read-facts';
import { When } from '../../components/When';
import { currentLanguage } from '../../i18n';

export type Row = [label: string, value: React.ReactNode, fact?: FactId];

const ASKABLE: ReadonlySet<string> = new Set(FACT_IDS);

interface Shown {
  language: Language;
  currency: string;
  yesNo(value: boolean): string;
}
type Format<K extends InputKind> = (
  input: Extract<FactInput, { kind: K }>,
  value: InputValue[K],
  shown: Shown,
) => React.ReactNode;

// One format per input kind: a new kind of input does not compile until it is shown here.
const FORMATS: { [K in InputKind]: Format<K> } = {
  choice: (input, value, { language }) => optionLabel(input, value, language),
  yesno: (_input, value, { yesNo }) => yesNo(value),
  money: (_input, value, { currency }) => `${currency} ${formatMinorUnits(value, currency)}`,
  instant: (_input, value) => <When iso={value} />,
  minutes: (_input, value) => String(value),
  text: (_input, value) => value,
};

interface Props {
  facts: Facts;
  leading?: Row[];
  /** Offered beside each fact the guided flow can ask again, so a wrong answer can be taken back. */
  onChange?: (fact: FactId) => void;
}

/** A fact's label and its value in words, in the UI language; a fact not known yet reads so. */
export function useFactText(facts: Facts) {
  const { t } = useTranslation();
  const shown: Shown = {
    language: currentLanguage(),
    currency: facts.currency ?? DEFAULT_CURRENCY,
    yesNo: (value) => t(value ? 'common.yes' : 'common.no'),
  };
  return (key: FactKey): [label: string, value: React.ReactNode] => {
    const { label, input }: FactEntry = FACTS[key];
    const value = readFact(facts, key);
    if (value === undefined) return [label[shown.language], t('common.unknown')];
    // The catalogue's types hold each fact's value to its input kind; the loop cannot see that.
    const format = FORMATS[input.kind] as Format<InputKind>;
    const shownValue = format(input, value as never, shown);
    // An exclusion that holds is what refuses the refund: said beside it, not left to a bare "Yes".
    const excludes = key.startsWith('exclusions.') && value === true;
    return [
      label[shown.language],
      excludes ? (
        <>
          {shownValue} <span className="badge outcome-ineligible">{t('decide.excludes')}</span>
        </>
      ) : (
        shownValue
      ),
    ];
  };
}

/** Every known fact in words, after the case's own rows; unknown facts are left out, not shown blank. */
export function FactList({ facts, leading = [], onChange }: Props) {
  const { t } = useTranslation();
  const factText = useFactText(facts);
  const rows: Row[] = [...leading];
  for (const key of FACT_KEYS) {
    if (readFact(facts, key) === undefined) continue;
    const [label, shownValue] = factText(key);
    rows.push([label, shownValue, ASKABLE.has(key) ? (key as FactId) : undefined]);
  }

  return (
    <dl className="facts">
      {rows.map(([label, value, fact]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            {value}
            {onChange && fact && (
              <button
                type="button"
                className="linkish"
                aria-label={`${t('decide.change')}: ${label}`}
                onClick={() => onChange(fact)}
              >
                {t('decide.change')}
              </button>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
