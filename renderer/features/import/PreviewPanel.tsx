import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../shared/model/import';
import { formatMoney } from '../../../shared/model/money';
import { When } from '../../components/When';
import { useSettings } from '../../state/settings';
import { problemText } from './problem-text';

/** What importing the file would do, and every row problem with its row, column and reason. */
export function PreviewPanel({ preview }: { preview: ImportSummary }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  return (
    <section className="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('import.preview')}</h2>
      <p className="import-counts">
        {t('import.previewSummary', {
          rows: preview.rows,
          added: preview.added,
          duplicates: preview.duplicates,
          errors: preview.errorCount,
          encoding: preview.encoding ?? '—',
        })}
      </p>
      {preview.errors.length === 0 ? (
        <p>{t('import.noErrors')}</p>
      ) : (
        <>
          <h3>{t('import.errorsTitle')}</h3>
          <table className="import-errors">
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.field')}</th>
                <th scope="col">{t('import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((problem, index) => (
                <tr key={index}>
                  <td>{problem.row}</td>
                  <td>{problem.column ?? t('import.wholeRow')}</td>
                  <td>{problemText(problem.message, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.errorCount > preview.errors.length && (
            <p className="muted">
              {t('import.errorsMore', { count: preview.errorCount - preview.errors.length })}
            </p>
          )}
        </>
      )}
      {preview.preview.length > 0 && (
        <>
          <h3>{t('import.previewRows')}</h3>
          <div className="import-rows-scroll">
            <table className="import-rows">
              <thead>
                <tr>
                  <th scope="col">orderId</th>
                  <th scope="col">customerName</th>
                  <th scope="col">productName</th>
                  <th scope="col">productType</th>
                  <th scope="col">orderAmount</th>
                  <th scope="col">paidAt</th>
                </tr>
              </thead>
              <tbody>
                {preview.preview.map((row) => (
                  <tr key={row.orderId}>
                    <td>{row.orderId}</td>
                    <td>{row.customer.name}</td>
                    <td>{row.productName}</td>
                    <td>{row.facts.productType ?? ''}</td>
                    <td>
                      {row.facts.orderAmount === undefined
                        ? ''
                        : formatMoney({
                            amount: row.facts.orderAmount,
                            currency: row.facts.currency ?? 'CNY',
                          })}
                    </td>
                    <td>{row.facts.paidAt === undefined ? '' : <When iso={row.facts.paidAt} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
