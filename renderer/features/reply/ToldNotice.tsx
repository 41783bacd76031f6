import { useTranslation } from 'react-i18next';
import type { AuditEntry, CaseDetail } from '../../../shared/model/case';
import { caseDecisionOfRecord } from '../../../shared/policy/recorded';
import { toldDiffering } from '../../../shared/policy/told';
import { useFormatInstant } from '../../components/When';
import { toldText } from './told-text';

/**
 * Says when the last reply sent told the customer something the decision of record no longer
 * says, and offers the correction: a button on the reply screen, a link to it on the case.
 */
export function ToldNotice({
  detail,
  audit,
  onCorrect,
}: {
  detail: CaseDetail;
  audit: readonly AuditEntry[];
  onCorrect?: () => void;
}) {
  const { t } = useTranslation();
  const formatInstant = useFormatInstant();
  const differing = toldDiffering(audit, caseDecisionOfRecord(detail));
  if (differing === null) return null;
  return (
    <p className="error told-differs" role="status">
      {t('reply.toldDiffers', {
        told: toldText(t, differing.told),
        at: formatInstant(differing.at),
        now: toldText(t, differing.now),
      })}{' '}
      {onCorrect === undefined ? (
        <a className="button" href={`#/case/${detail.summary.ref}/reply`}>
          {t('reply.correct')}
        </a>
      ) : (
        <button type="button" onClick={onCorrect}>
          {t('reply.correct')}
        </button>
      )}
    </p>
  );
}
