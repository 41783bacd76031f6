import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/model/case';
import { formatMoney } from '../../../shared/model/money';
import { caseDecisionOfRecord } from '../../../shared/policy/recorded';
import { Outcome } from '../../components/Outcome';
import { When } from '../../components/When';

/**
 * The case's decision of record: what the reply, the case, the queue, the reports and the
 * figures follow until a new one is recorded. Shown on the case and beside the live decision
 * when they differ (an override, facts changed since, a window that closed), stale when a fact
 * it read has changed.
 */
export function RecordedPanel({ detail, beside = false }: { detail: CaseDetail; beside?: boolean }) {
  const { t } = useTranslation();
  const record = caseDecisionOfRecord(detail);
  if (record === null) return null;
  const agent = detail.decisions.find((each) => each.id === record.decisionId)!.agent;
  const money = (amount: number | null) =>
    amount === null ? t('decide.notKnown') : formatMoney({ amount, currency: record.currency });
  return (
    <aside className="panel recorded" aria-labelledby="recorded-title">
      <h2 id="recorded-title">{t(beside ? 'decide.recordedTitle' : 'decide.recordTitle')}</h2>
      {record.stale && (
        <p className="error" role="status">
          {t('decide.stale')}
        </p>
      )}
      <p className="big">
        <Outcome outcome={record.outcome} />
      </p>
      {record.refundAmount !== null && <p className="amount">{money(record.refundAmount)}</p>}
      <p>
        {t('decide.recordedBy', { agent })}
        <When iso={record.decidedAt} />
      </p>
      {record.override !== null && (
        <>
          <p>
            {t('decide.recordedOverride', {
              computed: t(`outcome.${record.rules.outcome}`),
              justification: record.override.reason,
            })}
          </p>
          <p className="muted">
            {t('decide.recordedRules', {
              outcome: t(`outcome.${record.rules.outcome}`),
              amount: money(record.rules.refundAmount),
            })}
          </p>
        </>
      )}
      {beside && <p className="muted">{t('decide.recordedDiffers')}</p>}
    </aside>
  );
}
