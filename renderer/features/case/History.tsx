import { useTranslation } from 'react-i18next';
import type { AuditEntry, DecisionRecord } from '../../../shared/model/case';
import { formatMoney } from '../../../shared/model/money';
import { ACTION_TEXTS } from '../../../shared/policy/clauses';
import { recordedDecision } from '../../../shared/policy/recorded';
import { useDisplayZone, When } from '../../components/When';
import { currentLanguage } from '../../i18n';
import { formatInstant } from '../../lib/time';
import { DecisionApproval } from '../approvals/ApprovalNotes';
import { auditLines } from './audit-text';

function DecisionEntry({ record, number }: { record: DecisionRecord; number: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // What was recorded (override included), never the rules' own amount and actions beside it.
  const decision = recordedDecision(record, language);
  return (
    <li className="decision-record">
      <p>
        <strong>
          {t('history.number', { number })} · {t(`outcome.${record.recordedOutcome}`)}
        </strong>{' '}
        · <When iso={record.decidedAt} /> · {t('history.agent', { agent: record.agent })}
      </p>
      <dl className="decision-facts">
        <dt>{t('history.amount')}</dt>
        <dd>
          {decision.refundAmount === null
            ? t('common.unknown')
            : formatMoney({ amount: decision.refundAmount, currency: decision.currency })}
        </dd>
        <dt>{t('history.policy')}</dt>
        <dd>
          {decision.policyVersion} · {t('history.revision', { revision: decision.policyRevision })}
        </dd>
        <dt>{t('decide.clauses')}</dt>
        <dd>
          {decision.clauses.length === 0
            ? t('common.none')
            : decision.clauses.map((c) => <code key={c}>{c} </code>)}
        </dd>
        <dt>{t('decide.actions')}</dt>
        <dd>
          {decision.actions.length === 0
            ? t('common.none')
            : decision.actions.map((action) => ACTION_TEXTS[action][language]).join(' ')}
        </dd>
      </dl>
      {record.override && (
        <p>
          {t('caseView.override', {
            computed: t(`outcome.${record.decision.outcome}`),
            justification: record.override.justification,
          })}
        </p>
      )}
      {record.note && <p className="muted">{record.note}</p>}
      <DecisionApproval record={record} />
    </li>
  );
}

/** Every recorded decision, newest first, numbered in the order they were recorded (#1 the first). */
export function DecisionHistory({ decisions }: { decisions: DecisionRecord[] }) {
  const { t } = useTranslation();
  if (decisions.length === 0) return <p className="muted">{t('caseView.noDecisions')}</p>;
  return (
    <ol className="history" reversed>
      {decisions
        .map((record, index) => ({ record, number: index + 1 }))
        .reverse()
        .map(({ record, number }) => (
          <DecisionEntry key={record.id} record={record} number={number} />
        ))}
    </ol>
  );
}

/** The audit trail as sentences with before and after values, oldest first. */
export function AuditTrail({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { zone } = useDisplayZone();
  const lines = auditLines(entries, { t, language, time: (iso) => formatInstant(iso, language, zone) });
  return (
    <table className="audit">
      <thead>
        <tr>
          <th scope="col">{t('caseView.auditAt')}</th>
          <th scope="col">{t('caseView.auditAction')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.seq}>
            <td>
              <When iso={line.at} />
            </td>
            <td>
              {line.sentences.map((sentence, index) => (
                <p key={index}>{sentence}</p>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
