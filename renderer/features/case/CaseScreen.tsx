import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../components/Countdown';
import { Outcome } from '../../components/Outcome';
import { When } from '../../components/When';
import { isTyping } from '../../lib/keys';
import { usePersistentState } from '../../lib/usePersistentState';
import { useCase } from '../../state/case';
import { caseActions } from '../../state/case-actions';
import { useRoute } from '../../state/route';
import { useSettings } from '../../state/settings';
import { useAction } from '../../state/use-action';
import { CaseApprovalNotice } from '../approvals/ApprovalNotes';
import { AccountHistory } from './AccountHistory';
import { CaseDetails } from './CaseDetails';
import { CaseWork } from './CaseWork';
import { AuditTrail, DecisionHistory } from './History';
import { ReportButton } from './ReportButton';
import { SentReplies } from '../reply/SentReplies';
import { ToldNotice } from '../reply/ToldNotice';
import { UsagePanel } from '../usage/UsagePanel';
import { MessagePanel } from '../message/MessagePanel';
import { ConflictPanel } from '../team/ConflictPanel';
import { SyncBadge } from '../team/SyncBadge';
import { RecordedPanel } from '../decide/RecordedPanel';
import { useCaseSyncStates } from '../../state/team';

/** A settled case's window no longer counts down: "closed … ago" would read as overdue work. */
const SETTLED = new Set(['decided', 'closed']);

function NoteForm({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const [body, setBody, clear] = usePersistentState(`note.${caseRef}`, '');
  const { busy, run } = useAction();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if ((await run(() => caseActions.addNote(caseRef, agentName, body))) !== undefined) clear();
  };
  return (
    <form onSubmit={submit} className="note-form">
      <label htmlFor="note-body">{t('caseView.noteLabel')}</label>
      <textarea id="note-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      <button type="submit" disabled={busy || body.trim() === '' || agentName === ''}>
        {t('caseView.addNote')}
      </button>
    </form>
  );
}

export function CaseScreen({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const go = useRoute((s) => s.go);
  const { detail, audit, error, load } = useCase();
  useEffect(() => void load(caseRef), [caseRef, load]);
  useCaseSyncStates([caseRef], detail?.summary.revision);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'd') go({ name: 'decide', ref: caseRef });
      if (event.key === 'r') go({ name: 'reply', ref: caseRef });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [caseRef, go]);

  if (error) return <p className="error">{t('common.error', { message: error })}</p>;
  if (detail === null || detail.summary.ref !== caseRef) return <p>{t('common.loading')}</p>;
  const { summary, customer } = detail;

  return (
    <article className="case" aria-labelledby="case-title">
      <header className="case-head">
        <h1 id="case-title">
          {summary.ref} · {customer.name}
        </h1>
        <span className="badge">{t(`status.${summary.status}`)}</span>
        <Outcome outcome={summary.latestOutcome} />
        <SyncBadge caseRef={caseRef} />
        {!SETTLED.has(summary.status) && <Countdown closesAt={summary.windowClosesAt} />}
        <span className="spacer" />
        <a className="button" href={`#/case/${caseRef}/decide`}>
          {t('caseView.decide')}
        </a>
        <a className="button" href={`#/case/${caseRef}/reply`}>
          {t('caseView.reply')}
        </a>
        <ReportButton caseRef={caseRef} />
      </header>
      <ConflictPanel caseRef={caseRef} facts={detail.facts} revision={summary.revision} />
      <CaseApprovalNotice detail={detail} />
      <RecordedPanel detail={detail} />
      <ToldNotice detail={detail} audit={audit} />
      <CaseWork summary={summary} />
      <div className="case-grid">
        <section aria-labelledby="facts-title">
          <h2 id="facts-title">{t('caseView.facts')}</h2>
          <CaseDetails detail={detail} />
          <AccountHistory caseRef={caseRef} revision={summary.revision} />
        </section>
        <section aria-labelledby="decisions-title">
          <h2 id="decisions-title">{t('caseView.decisions')}</h2>
          <DecisionHistory decisions={detail.decisions} />
          <h2>{t('caseView.replies')}</h2>
          <SentReplies entries={audit} />
          <h2>{t('caseView.notes')}</h2>
          {detail.notes.length === 0 ? (
            <p className="muted">{t('caseView.noNotes')}</p>
          ) : (
            <ul className="notes">
              {detail.notes.map((note) => (
                <li key={note.id}>
                  <strong>{note.author}</strong> <When iso={note.createdAt} />
                  <p>{note.body}</p>
                </li>
              ))}
            </ul>
          )}
          <NoteForm caseRef={caseRef} />
        </section>
        <MessagePanel detail={detail} />
        {summary.productType === 'rtc_package' && <UsagePanel caseRef={caseRef} />}
        <section aria-labelledby="audit-title" className="wide">
          <h2 id="audit-title">{t('caseView.audit')}</h2>
          <AuditTrail entries={audit} />
        </section>
      </div>
    </article>
  );
}
