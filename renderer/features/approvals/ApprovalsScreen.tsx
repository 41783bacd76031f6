import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { ApprovalItem } from '../../../shared/model/approval';
import { formatMoney } from '../../../shared/model/money';
import { reasonTooShort } from '../../../shared/model/reasons';
import { api, call } from '../../api/client';
import { Outcome } from '../../components/Outcome';
import { When } from '../../components/When';
import { useSettings } from '../../state/settings';
import { useAction } from '../../state/use-action';
import './approvals.css';

type Listed = ResponseOf<'approvals.list'>;

/** The lead's queue: what waits (oldest first) with everything needed to answer it, and what was answered. */
export function ApprovalsScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'waiting' | 'answered'>('waiting');
  const [waiting, setWaiting] = useState<Listed | null>(null);
  const [answered, setAnswered] = useState<ApprovalItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const [open, granted, refused] = await Promise.all(
        (['waiting', 'granted', 'refused'] as const).map((state) => call(api['approvals.list']({ state }))),
      );
      setWaiting(open!);
      const lastAnswer = (item: ApprovalItem) => item.approval.answers.at(-1)?.answeredAt ?? '';
      setAnswered(
        [...granted!.items, ...refused!.items].sort((a, b) => lastAnswer(b).localeCompare(lastAnswer(a))),
      );
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, []);
  useEffect(() => void load(), [load]);

  if (error !== null) return <p className="error">{t('common.error', { message: error })}</p>;
  if (waiting === null) return <p>{t('common.loading')}</p>;
  const { team, member, thresholds } = waiting;
  const lead = member?.role === 'lead';
  const amounts = Object.entries(thresholds)
    .map(([currency, amount]) => formatMoney({ amount, currency }))
    .join(', ');
  const items = tab === 'waiting' ? waiting.items : answered;

  return (
    <section className="approvals" aria-labelledby="approvals-title">
      <h1 id="approvals-title">{t('approvals.title')}</h1>
      <p className="muted">{t('approvals.intro')}</p>
      {!team ? (
        <p role="note">{t('approvals.noTeam')}</p>
      ) : (
        <>
          <p>
            {member === null
              ? t('approvals.notSynced')
              : t('approvals.signedInAs', {
                  name: member.name,
                  role: t(lead ? 'approvals.roleLead' : 'approvals.roleAgent'),
                })}{' '}
            {member !== null && !lead && t('approvals.agentOnly')}{' '}
            {amounts === '' ? t('approvals.noThresholds') : t('approvals.thresholds', { amounts })}
          </p>
          <div className="tabs" role="tablist">
            {(['waiting', 'answered'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                className={tab === name ? 'primary' : undefined}
                onClick={() => setTab(name)}
              >
                {name === 'waiting'
                  ? t('approvals.waitingTab', { count: waiting.items.length })
                  : t('approvals.answeredTab')}
              </button>
            ))}
          </div>
          {items.length === 0 ? (
            <p>{t(tab === 'waiting' ? 'approvals.none' : 'approvals.noneAnswered')}</p>
          ) : (
            <ApprovalTable items={items} lead={lead} onAnswered={load} />
          )}
        </>
      )}
    </section>
  );
}

function ApprovalTable(props: { items: ApprovalItem[]; lead: boolean; onAnswered: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <table aria-label={t('approvals.listLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('approvals.case')}</th>
          <th scope="col">{t('approvals.decidedBy')}</th>
          <th scope="col">{t('approvals.outcome')}</th>
          <th scope="col">{t('approvals.amount')}</th>
          <th scope="col">{t('approvals.why')}</th>
          <th scope="col">{t('approvals.overrideReason')}</th>
          <th scope="col">{t('approvals.answer')}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <ApprovalRow key={`${item.ref}-${item.decisionId}`} {...props} item={item} />
        ))}
      </tbody>
    </table>
  );
}

/** One waiting or answered decision, for an agent or a lead who may answer it. */
interface AnswerProps {
  item: ApprovalItem;
  lead: boolean;
  onAnswered: () => Promise<void>;
}

function ApprovalRow({ item, lead, onAnswered }: AnswerProps) {
  const { t } = useTranslation();
  const why = [
    item.approval.override ? t('approvals.whyOverride') : null,
    item.approval.threshold === null
      ? null
      : t('approvals.whyAmount', {
          threshold: formatMoney({ amount: item.approval.threshold, currency: item.currency }),
        }),
  ].filter((part) => part !== null);
  return (
    <tr id={`approval-${item.ref}`}>
      <td>
        <a href={`#/case/${item.ref}`}>{item.ref}</a>
        <br />
        {item.customerName}
      </td>
      <td>
        {item.agent}
        <br />
        <small className="muted">
          <When iso={item.decidedAt} />
        </small>
      </td>
      <td>
        <Outcome outcome={item.recordedOutcome} />
        {item.rulesOutcome !== item.recordedOutcome && (
          <>
            <br />
            <small className="muted">
              {t('approvals.rulesGave', { outcome: t(`outcome.${item.rulesOutcome}`) })}
            </small>
          </>
        )}
      </td>
      <td className="approval-amount">
        {item.refundAmount === null
          ? t('common.unknown')
          : formatMoney({ amount: item.refundAmount, currency: item.currency })}
      </td>
      <td>{why.join(', ')}</td>
      <td className="justification">{item.overrideJustification ?? '—'}</td>
      <td>
        {item.approval.state === 'waiting' ? (
          <AnswerForm item={item} lead={lead} onAnswered={onAnswered} />
        ) : (
          <Answered item={item} />
        )}
      </td>
    </tr>
  );
}

function Answered({ item }: { item: ApprovalItem }) {
  const { t } = useTranslation();
  const answer = item.approval.answers.at(-1);
  return (
    <>
      {t('approvals.answeredBy', {
        state: t(`approvals.state.${item.approval.state}`),
        lead: answer?.lead ?? '',
      })}
      {answer?.reason && <p className="justification">“{answer.reason}”</p>}
    </>
  );
}

function AnswerForm({ item, lead, onAnswered }: AnswerProps) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const [reason, setReason] = useState('');
  const { busy, run } = useAction();
  const own = item.agent === agentName;
  const answer = async (grant: boolean) => {
    const done = await run(
      async () => {
        const { summary } = await call(api['cases.get']({ ref: item.ref }));
        return call(
          api['approvals.answer']({
            ref: item.ref,
            revision: summary.revision,
            decisionId: item.decisionId,
            grant,
            reason: grant ? undefined : reason,
            agent: agentName,
          }),
        );
      },
      () => t(grant ? 'approvals.granted' : 'approvals.refused', { ref: item.ref }),
    );
    if (done !== undefined) await onAnswered();
  };
  if (!lead) return <span className="badge outcome-waiting">{t('approvals.waiting')}</span>;
  if (own) return <span className="muted">{t('approvals.ownDecision')}</span>;
  const reasonId = `refuse-reason-${item.decisionId}`;
  return (
    <div className="answer">
      <label htmlFor={reasonId}>{t('approvals.refuseReason', { ref: item.ref })}</label>
      <textarea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="buttons">
        <button
          type="button"
          className="primary"
          disabled={busy || agentName === ''}
          onClick={() => void answer(true)}
        >
          {t('approvals.approve')}
        </button>
        <button
          type="button"
          disabled={busy || agentName === '' || reasonTooShort('refusal', reason)}
          onClick={() => void answer(false)}
        >
          {t('approvals.refuse')}
        </button>
      </div>
    </div>
  );
}
