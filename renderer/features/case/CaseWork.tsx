import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/model/case';
import { reasonTooShort } from '../../../shared/model/reasons';
import { caseActions } from '../../state/case-actions';
import { useSettings } from '../../state/settings';
import { useAction } from '../../state/use-action';
import { useFormatInstant } from '../../components/When';
import { teamActions, useTeam } from '../../state/team';
import { claimText } from '../team/claim-text';

const SETTLED = new Set(['decided', 'closed']);

/** Who works the case and whether it is still worked: assign, close as resolved, reopen with a reason. */
export function CaseWork({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const { busy, run } = useAction();
  const [assignee, setAssignee] = useState('');
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const ref = summary.ref;
  const noAgent = agentName === '';
  const formatInstant = useFormatInstant();
  // Taking the case oneself is a claim: in team mode the team server grants it.
  const onTeam = useTeam((s) => s.status?.configured === true);
  const claim = () =>
    onTeam
      ? run(
          () => teamActions.claim(ref, summary.revision, agentName),
          (answer) => claimText(t, ref, answer, formatInstant),
        )
      : assign(agentName);

  const assign = (name: string | null) =>
    run(
      () => caseActions.assign(ref, name, agentName),
      () => (name === null ? t('lifecycle.unassigned', { ref }) : t('lifecycle.assigned', { ref, name })),
    );
  const reopen = async (event: React.FormEvent) => {
    event.preventDefault();
    const done = await run(
      () => caseActions.setStatus(ref, 'open', agentName, reason),
      () => t('lifecycle.reopened', { ref }),
    );
    if (done !== undefined) {
      setReopening(false);
      setReason('');
    }
  };

  return (
    <section className="case-work" aria-labelledby="work-title">
      <h2 id="work-title" className="visually-hidden">
        {t('lifecycle.title')}
      </h2>
      <p>
        {t('caseView.assignee')}: <strong>{summary.assignee ?? t('lifecycle.nobody')}</strong>
      </p>
      {summary.assignee !== agentName && (
        <button type="button" disabled={busy || noAgent} onClick={() => void claim()}>
          {onTeam ? t('team.claimMe') : t('lifecycle.assignToMe')}
        </button>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (assignee.trim() !== '') void assign(assignee.trim()).then(() => setAssignee(''));
        }}
      >
        <label htmlFor="assign-to">{t('lifecycle.assignTo')}</label>
        <input id="assign-to" value={assignee} onChange={(e) => setAssignee(e.target.value)} />
        <button type="submit" disabled={busy || noAgent || assignee.trim() === ''}>
          {t('lifecycle.assign')}
        </button>
      </form>
      {summary.assignee !== null && (
        <button type="button" disabled={busy || noAgent} onClick={() => void assign(null)}>
          {t('lifecycle.unassign')}
        </button>
      )}
      {summary.status !== 'closed' && (
        <button
          type="button"
          // A decision waiting for a lead does not count: nothing is closed on it (the store refuses too).
          disabled={busy || noAgent || summary.waitingApproval === true}
          onClick={() =>
            void run(
              () => caseActions.setStatus(ref, 'closed', agentName),
              () => t('lifecycle.closed', { ref }),
            )
          }
        >
          {t('lifecycle.close')}
        </button>
      )}
      {SETTLED.has(summary.status) && !reopening && (
        <button type="button" disabled={busy || noAgent} onClick={() => setReopening(true)}>
          {t('lifecycle.reopen')}
        </button>
      )}
      {reopening && (
        <form className="reopen" onSubmit={reopen}>
          <label htmlFor="reopen-reason">{t('lifecycle.reopenReason')}</label>
          <textarea id="reopen-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="primary" disabled={busy || reasonTooShort('reopen', reason)}>
            {t('lifecycle.confirmReopen')}
          </button>
          <button type="button" onClick={() => setReopening(false)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
    </section>
  );
}
