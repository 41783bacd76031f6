import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../shared/model/languages';
import {
  caseDecisionOfRecord,
  countingDecision,
  decisionOfCase,
  waitingDecision,
} from '../../../shared/policy/recorded';
import { draftCorrection, draftReply } from '../../../shared/policy/replies';
import { lastTold } from '../../../shared/policy/told';
import { Outcome } from '../../components/Outcome';
import { isTyping } from '../../lib/keys';
import { useFormatInstant, ZoneNote } from '../../components/When';
import { useCase } from '../../state/case';
import { caseActions } from '../../state/case-actions';
import { useDraft } from '../../state/draft';
import { onBeforeLeave } from '../../state/route';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import { useAction } from '../../state/use-action';
import { copyText } from './copy';
import { RegenerateControls } from './RegenerateControls';
import { SentReplies } from './SentReplies';
import { TemplateEditor } from './TemplateEditor';
import { ToldNotice } from './ToldNotice';
import { useReplyTemplates } from './templates';

export function ReplyScreen({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const { detail, audit, load } = useCase();
  const { agentName, language: uiLanguage } = useSettings();
  const draft = useDraft();
  const formatInstant = useFormatInstant();
  const templates = useReplyTemplates();
  const { busy, run } = useAction();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  useEffect(() => void load(caseRef), [caseRef, load]);
  useEffect(() => onBeforeLeave(() => void useDraft.getState().flush()), []);

  const ready = detail?.summary.ref === caseRef && templates.ready ? detail : null;
  // The latest recorded decision speaks for the case, override included; before one exists,
  // the live rules do.
  const decision = useMemo(
    () => (ready === null ? null : decisionOfCase(ready, Date.now(), language)),
    [ready, language],
  );
  // A stale decision of record no longer speaks for the facts: no draft from it unless the
  // agent chooses to (deciding again is the other way on).
  const stale = ready !== null && caseDecisionOfRecord(ready)?.stale === true;
  const [draftStale, setDraftStale] = useState(false);
  const blocked = stale && !draftStale;
  const template = decision === null ? null : templates.find(decision.outcome, language);
  const generate = () =>
    ready && decision
      ? draftReply({ detail: ready, decision, language, agent: agentName, template: template?.body })
      : '';

  useEffect(() => {
    if (ready !== null && !blocked) void useDraft.getState().open(caseRef, language, generate);
    // Opening again on every regenerated closure would overwrite typing; ref and language decide.
  }, [caseRef, language, ready !== null, blocked]);

  // The customer holds an earlier reply the record no longer says: the correction names it.
  const correct = () => {
    const told = lastTold(audit);
    if (ready && decision && told)
      draft.edit(draftCorrection({ detail: ready, decision, told, language, agent: agentName }));
  };

  const copy = async () => {
    const said = await copyText(navigator.clipboard, useDraft.getState().body);
    useUi.getState().notify(t(said), said === 'reply.copied' ? 'info' : 'error');
  };

  const markSent = async () => {
    await useDraft.getState().flush();
    await run(
      () => caseActions.markReplySent(caseRef, language, useDraft.getState().body, agentName),
      () => t('reply.markedSent'),
    );
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inEditor = isTyping(event.target);
      if (
        (!inEditor && event.key === 'c' && !event.ctrlKey && !event.metaKey) ||
        (event.key === 'Enter' && (event.ctrlKey || event.metaKey))
      ) {
        event.preventDefault();
        void copy();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (ready === null || decision === null) return <p>{t('common.loading')}</p>;
  if (blocked)
    return (
      <section className="reply" aria-labelledby="reply-title">
        <h1 id="reply-title">
          {t('reply.title')} · {caseRef} · {ready.customer.name}
        </h1>
        <p className="error" role="status">
          {t('reply.stale')}
        </p>
        <p>
          <a className="button primary" href={`#/case/${caseRef}/decide`}>
            {t('caseView.decide')}
          </a>{' '}
          <button type="button" onClick={() => setDraftStale(true)}>
            {t('reply.draftAnyway')}
          </button>
        </p>
      </section>
    );
  // What the customer would be told does not count yet: no reply is drafted on it.
  if (waitingDecision(ready) !== undefined) {
    return (
      <section className="reply" aria-labelledby="reply-title">
        <h1 id="reply-title">
          {t('reply.title')} · {caseRef} · {ready.customer.name}
        </h1>
        <p className="approval-notice" role="note">
          {t('approvals.replyWaiting')}
        </p>
        <SentReplies entries={audit} />
      </section>
    );
  }
  const status =
    draft.status === 'saving'
      ? t('reply.saving')
      : draft.status === 'unsaved'
        ? t('reply.unsaved')
        : draft.savedAt
          ? t('reply.saved', { time: formatInstant(draft.savedAt) })
          : '';
  const body = draft.ref === caseRef ? draft.body : '';

  return (
    <section className="reply" aria-labelledby="reply-title">
      <h1 id="reply-title">
        {t('reply.title')} · {caseRef} · {ready.customer.name}
      </h1>
      <ZoneNote />
      <p>
        {t(countingDecision(ready) === undefined ? 'reply.fromLive' : 'reply.fromRecorded')}{' '}
        <Outcome outcome={decision.outcome} />
      </p>
      <ToldNotice detail={ready} audit={audit} onCorrect={correct} />
      <div className="reply-tools">
        <label htmlFor="reply-language">{t('reply.language')}</label>
        <select
          id="reply-language"
          value={language}
          onChange={(e) => {
            void useDraft.getState().flush();
            setLanguage(e.target.value as Language);
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <RegenerateControls body={body} generate={generate} onReplace={(text) => draft.edit(text)} />
        <button type="button" onClick={() => void copy()}>
          {t('reply.copy')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || agentName === '' || body.trim() === ''}
          onClick={() => void markSent()}
        >
          {t('reply.markSent')}
        </button>
        <span className="muted" aria-live="polite">
          {status}
        </span>
      </div>
      <label htmlFor="reply-body">{t('reply.body')}</label>
      <textarea
        id="reply-body"
        className="reply-body"
        lang={language === 'zh' ? 'zh-CN' : 'en'}
        value={body}
        onChange={(e) => draft.edit(e.target.value)}
        onBlur={() => void draft.flush()}
      />
      <SentReplies entries={audit} />
      {template !== null && (
        <TemplateEditor template={template} agent={agentName} onSaved={templates.reload} />
      )}
    </section>
  );
}
