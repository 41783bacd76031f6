import type { TFunction } from 'i18next';
import { refunds } from '../../../shared/model/decision';
import { formatMoney } from '../../../shared/model/money';
import { type Told, toldOf } from '../../../shared/model/told';

/** "CNY 3,000.00 (Eligible)" for a refund, the outcome alone otherwise. */
export const toldText = (
  t: TFunction,
  { outcome, amount, currency }: Pick<Told, 'outcome' | 'amount' | 'currency'>,
) =>
  refunds(outcome) && amount !== null
    ? t('reply.toldAmount', { amount: formatMoney({ amount, currency }), outcome: t(`outcome.${outcome}`) })
    : t(`outcome.${outcome}`);

/** What a sent reply's audit row told; a row kept before the amount was names its outcome only. */
export const sentText = (t: TFunction, detail: Record<string, unknown>) => {
  const told = toldOf(detail);
  return told === null ? t(`outcome.${String(detail.outcome)}`) : toldText(t, told);
};
