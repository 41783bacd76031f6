import { useTranslation } from 'react-i18next';
import { BarChart } from './BarChart';

export interface FigureRow {
  label: string;
  n: number;
  open?: (() => void) | undefined;
}

const share = (n: number, total: number) => (total === 0 ? '0%' : `${((n / total) * 100).toFixed(1)}%`);

/**
 * A figure as a chart and the same numbers as a table under it; each row's label is a button
 * that opens its cases in the queue (the bar above it does the same for the mouse).
 */
export function FigureSection(props: {
  id: string;
  title: string;
  head: string;
  countHead?: string;
  rows: FigureRow[];
  /** With a total, the table gives each row's share of it. */
  total?: number;
  /** Rows at zero still shown (the days ahead); otherwise an empty figure says so. */
  keepEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const { id, title, rows, total } = props;
  const empty = rows.length === 0 || (!props.keepEmpty && rows.every((row) => row.n === 0));
  return (
    <section className="figure" aria-labelledby={`${id}-title`} data-figure={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {empty ? (
        <p className="muted">{t('dashboard.empty')}</p>
      ) : (
        <>
          <BarChart
            title={t('dashboard.chart', { title })}
            bars={rows.map((row) => ({
              label: row.label,
              value: row.n,
              text: String(row.n),
              open: row.open,
            }))}
          />
          <table>
            <thead>
              <tr>
                <th scope="col">{props.head}</th>
                <th scope="col" className="num">
                  {props.countHead ?? t('dashboard.cases')}
                </th>
                {total !== undefined && (
                  <th scope="col" className="num">
                    {t('dashboard.share')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">
                    {row.open === undefined ? (
                      row.label
                    ) : (
                      <button
                        type="button"
                        className="linkish"
                        onClick={row.open}
                        aria-label={t('dashboard.openRow', { label: row.label })}
                      >
                        {row.label}
                      </button>
                    )}
                  </th>
                  <td className="num">{row.n}</td>
                  {total !== undefined && <td className="num">{share(row.n, total)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
