import { useTranslation } from 'react-i18next';
import { EXCLUSION_KEYS, type Facts } from '../../../shared/model/facts';
import { formatMinorUnits } from '../../../shared/model/money';
import { FACT_QUESTIONS } from '../../../shared/policy/questions';
import { When } from '../../components/When';
import { currentLanguage } from '../../i18n';

export type Row = [label: string, value: React.ReactNode];

/** Every known fact in words, after the case's own rows; unknown facts are left out, not shown blank. */
export function FactList({ facts, leading }: { facts: Facts; leading: Row[] }) {
  const { t } = useTranslation();
  const currency = facts.currency ?? 'CNY';
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  const rows: Row[] = [...leading];
  const add = (key: string, value: React.ReactNode) => rows.push([t(`facts.${key}`), value]);

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
      rows.push([FACT_QUESTIONS[`exclusions.${key}`][currentLanguage()].question, yesNo(value)]);
    }
  }

  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
