import { useTranslation } from 'react-i18next';
import { EXCLUSION_KEYS, FACT_IDS, type FactId, type Facts } from '../../../shared/model/facts';
import { formatMinorUnits } from '../../../shared/model/money';
import { FACT_QUESTIONS } from '../../../shared/policy/questions';
import { When } from '../../components/When';
import { currentLanguage } from '../../i18n';

export type Row = [label: string, value: React.ReactNode, fact?: FactId];

const ASKABLE: ReadonlySet<string> = new Set(FACT_IDS);

interface Props {
  facts: Facts;
  leading?: Row[];
  /** Offered beside each fact the guided flow can ask again, so a wrong answer can be taken back. */
  onChange?: (fact: FactId) => void;
}

/** Every known fact in words, after the case's own rows; unknown facts are left out, not shown blank. */
export function FactList({ facts, leading = [], onChange }: Props) {
  const { t } = useTranslation();
  const currency = facts.currency ?? 'CNY';
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  const rows: Row[] = [...leading];
  const add = (key: keyof Facts, value: React.ReactNode) =>
    rows.push([t(`facts.${key}`), value, ASKABLE.has(key) ? (key as FactId) : undefined]);

  if (facts.productType) add('productType', t(`kind.${facts.productType}`));
  if (facts.orderAmount !== undefined)
    add('orderAmount', `${currency} ${formatMinorUnits(facts.orderAmount, currency)}`);
  if (facts.voucherAmount)
    add('voucherAmount', `${currency} ${formatMinorUnits(facts.voucherAmount, currency)}`);
  for (const key of ['paidAt', 'requestedAt', 'guaranteeEndsAt', 'expiresAt'] as const) {
    const value = facts[key];
    if (value !== undefined) add(key, <When iso={value} />);
  }
  if (facts.invoiceIssued !== undefined) add('invoiceIssued', yesNo(facts.invoiceIssued));
  if (facts.billingMethod) add('billingMethod', t(`billing.${facts.billingMethod}`));
  if (facts.imageInUse !== undefined) add('imageInUse', yesNo(facts.imageInUse));
  if (facts.serviceStatus) add('serviceStatus', t(`serviceStatus.${facts.serviceStatus}`));
  if (facts.consumedMinutes !== undefined) add('consumedMinutes', String(facts.consumedMinutes));
  for (const key of EXCLUSION_KEYS) {
    const value = facts.exclusions?.[key];
    if (value !== undefined) {
      rows.push([
        FACT_QUESTIONS[`exclusions.${key}`][currentLanguage()].question,
        yesNo(value),
        `exclusions.${key}`,
      ]);
    }
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
