import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../shared/model/import';
import { columnLabel } from '../../../shared/import';
import { FACTS, optionLabel } from '../../../shared/model/catalogue';
import { formatMoney } from '../../../shared/model/money';
import { When } from '../../components/When';
import { useSettings } from '../../state/settings';
import { rowRanges } from './import-flow';
import { problemText } from './problem-text';

// The preview's columns, in the order its cells below give them.
const PREVIEW_COLUMNS = ['orderId', 'customerName', 'productName', 'productType', 'orderAmount', 'paidAt'];

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
      {preview.emptyRows > 0 && (
        <p className="muted">{t('import.emptyRows', { count: preview.emptyRows })}</p>
      )}
      {preview.errors.length === 0 ? (
        <p>{t('import.noErrors')}</p>
      ) : (
        <>
          <h3>{t('import.groupsTitle')}</h3>
          <ul className="import-groups">
            {preview.errorGroups.map((group, index) => (
              <li key={index}>
                {t('import.group', {
                  count: group.count,
                  column: group.column ?? t('import.wholeRow'),
                  problem: problemText(group.message, language),
                  rows: rowRanges(group),
                })}
              </li>
            ))}
          </ul>
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
                  {PREVIEW_COLUMNS.map((id) => (
                    <th key={id} scope="col">
                      {columnLabel(id, language)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.preview.map((row) => (
                  <tr key={row.orderId}>
                    <td>{row.orderId}</td>
                    <td>{row.customer.name}</td>
                    <td>{row.productName}</td>
                    <td>
                      {row.facts.productType === undefined || row.facts.productType === null
                        ? ''
                        : optionLabel(FACTS.productType.input, row.facts.productType, language)}
                    </td>
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
