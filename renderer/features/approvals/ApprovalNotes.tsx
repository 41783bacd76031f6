import { useTranslation } from 'react-i18next';
import type { CaseDetail, DecisionRecord } from '../../../shared/model/case';
import { waitingDecision } from '../../../shared/policy/recorded';
import { useFormatInstant } from '../../components/When';
import './approvals.css';

// The waiting state where an agent meets it: the case screen, its decision history, the reply.

const numberOf = (detail: CaseDetail, record: DecisionRecord) => detail.decisions.indexOf(record) + 1;

/** Above the case: a decision waits (it does not count), or the newest one was refused. */
export function CaseApprovalNotice({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const waiting = waitingDecision(detail);
  if (waiting !== undefined) {
    return (
      <p className="approval-notice" role="note" id="approval-notice">
        <span className="badge outcome-waiting">{t('approvals.waiting')}</span>{' '}
        {t('approvals.caseWaiting', {
          number: numberOf(detail, waiting),
          outcome: t(`outcome.${waiting.recordedOutcome}`),
          agent: waiting.agent,
        })}
      </p>
    );
  }
  const latest = detail.decisions.at(-1);
  const refusal =
    latest?.approval?.state === 'refused'
      ? latest.approval.answers.filter((a) => !a.granted).at(-1)
      : undefined;
  if (latest === undefined || refusal === undefined) return null;
  return (
    <p className="approval-notice refused" role="note" id="approval-notice">
      {t('approvals.caseRefused', {
        number: numberOf(detail, latest),
        lead: refusal.lead,
        reason: refusal.reason ?? '',
      })}
    </p>
  );
}

/** One recorded decision's approval, in the decision history. */
export function DecisionApproval({ record }: { record: DecisionRecord }) {
  const { t } = useTranslation();
  const format = useFormatInstant();
  const approval = record.approval;
  if (approval === null || approval === undefined) return null;
  if (approval.state === 'waiting') {
    return <p className="approval-notice">{t('approvals.historyWaiting')}</p>;
  }
  const answer = approval.answers.filter((a) => a.granted === (approval.state === 'granted')).at(-1)!;
  return (
    <p className={`approval-notice${approval.state === 'refused' ? ' refused' : ''}`}>
      {approval.state === 'granted'
        ? t('approvals.historyGranted', { lead: answer.lead, at: format(answer.answeredAt) })
        : t('approvals.historyRefused', {
            lead: answer.lead,
            at: format(answer.answeredAt),
            reason: answer.reason ?? '',
          })}
    </p>
  );
}
