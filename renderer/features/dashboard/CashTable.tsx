import { useTranslation } from 'react-i18next';
import type { CashRefunded } from '../../../shared/model/period';
import { formatMoney } from '../../../shared/model/money';

/** One row of cash refunded: per currency, or per group (`label`) and currency. */
export type CashRow = CashRefunded & { label?: string };

/**
 * Cash refunded as a table only: amounts in different currencies share no scale, so no chart.
 * With `head`, each row names its group (a product kind, a provider) in a first column.
 */
export function CashTable({
  id,
  title,
  head,
  countHead,
  rows,
}: {
  id: string;
  title: string;
  head?: string;
  /** What each row's count counts: the cases refunded unless said. */
  countHead?: string;
  rows: readonly CashRow[];
}) {
  const { t } = useTranslation();
  return (
    <section className="figure" aria-labelledby={`${id}-title`} data-figure={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted small">{t('dashboard.cashNote')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('dashboard.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {head === undefined ? null : <th scope="col">{head}</th>}
              <th scope="col">{t('dashboard.currency')}</th>
              <th scope="col" className="num">
                {t('dashboard.amount')}
              </th>
              <th scope="col" className="num">
                {countHead ?? t('dashboard.cases')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.label ?? ''}\u0000${row.currency}`}>
                {head === undefined ? null : <th scope="row">{row.label}</th>}
                {head === undefined ? <th scope="row">{row.currency}</th> : <td>{row.currency}</td>}
                <td className="num">{formatMoney({ amount: row.amount, currency: row.currency })}</td>
                <td className="num">{row.cases}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
