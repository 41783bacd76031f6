import { useTranslation } from 'react-i18next';
import type { AuditEntry, DecisionRecord } from '../../../shared/model/case';
import { When } from '../../components/When';

export function DecisionHistory({ decisions }: { decisions: DecisionRecord[] }) {
  const { t } = useTranslation();
  if (decisions.length === 0) return <p className="muted">{t('caseView.noDecisions')}</p>;
  return (
    <ol className="history">
      {[...decisions].reverse().map((record) => (
        <li key={record.id}>
          <When iso={record.decidedAt} />{' '}
          {t('caseView.decidedBy', { outcome: t(`outcome.${record.recordedOutcome}`), agent: record.agent })}
          {record.override && (
            <p>
              {t('caseView.override', {
                computed: t(`outcome.${record.decision.outcome}`),
                justification: record.override.justification,
              })}
            </p>
          )}
          {record.note && <p className="muted">{record.note}</p>}
        </li>
      ))}
    </ol>
  );
}

export function AuditTrail({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  return (
    <table className="audit">
      <thead>
        <tr>
          <th scope="col">{t('caseView.auditAt')}</th>
          <th scope="col">{t('caseView.auditAction')}</th>
          <th scope="col">{t('caseView.auditActor')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq}>
            <td>
              <When iso={entry.at} />
            </td>
            <td>
              <code>{entry.action}</code>
            </td>
            <td>{entry.actor}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
