import { useTranslation } from 'react-i18next';
import type { DecisionRecord } from '../../../shared/model/case';
import { formatMoney } from '../../../shared/model/money';
import { recordedDecision } from '../../../shared/policy/recorded';
import { Outcome } from '../../components/Outcome';
import { When } from '../../components/When';

/**
 * The latest recorded decision, shown beside the live one when they differ (an override, facts
 * changed since, a window that closed): the reply, the case and the queue follow the record.
 */
export function RecordedPanel({ record }: { record: DecisionRecord }) {
  const { t } = useTranslation();
  const recorded = recordedDecision(record);
  return (
    <aside className="panel recorded" aria-labelledby="recorded-title">
      <h2 id="recorded-title">{t('decide.recordedTitle')}</h2>
      <p className="big">
        <Outcome outcome={recorded.outcome} />
      </p>
      {recorded.refundAmount !== null && (
        <p className="amount">
          {formatMoney({ amount: recorded.refundAmount, currency: recorded.currency })}
        </p>
      )}
      <p>
        {t('decide.recordedBy', { agent: record.agent })} <When iso={record.decidedAt} />
      </p>
      {record.override !== null && (
        <p>
          {t('decide.recordedOverride', {
            computed: t(`outcome.${record.decision.outcome}`),
            justification: record.override.justification,
          })}
        </p>
      )}
      <p className="muted">{t('decide.recordedDiffers')}</p>
    </aside>
  );
}
