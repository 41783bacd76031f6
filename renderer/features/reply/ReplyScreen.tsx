import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../shared/model/languages';
import { isTyping } from '../../lib/keys';
import { i18n } from '../../i18n';
import { useFormatInstant, ZoneNote } from '../../components/When';
import { useCase } from '../../state/case';
import { useDraft } from '../../state/draft';
import { onBeforeLeave } from '../../state/route';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import { decisionForReply, generateReply } from './replyText';

export function ReplyScreen({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const { detail, load } = useCase();
  const { agentName, language: uiLanguage } = useSettings();
  const draft = useDraft();
  const formatInstant = useFormatInstant();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  useEffect(() => void load(caseRef), [caseRef, load]);
  useEffect(() => onBeforeLeave(() => void useDraft.getState().flush()), []);

  const ready = detail?.summary.ref === caseRef ? detail : null;
  // The latest recorded decision speaks for the case; before one exists, the live rules do.
  const decision = useMemo(() => (ready === null ? null : decisionForReply(ready, Date.now())), [ready]);
  const generate = useMemo(
    () => () =>
      ready && decision ? generateReply(ready, decision, language, i18n.getFixedT(language), agentName) : '',
    [ready, decision, language, agentName],
  );

  useEffect(() => {
    if (ready !== null) void useDraft.getState().open(caseRef, language, generate);
    // Opening again on every regenerated closure would overwrite typing; ref and language decide.
  }, [caseRef, language, ready !== null]);

  const copy = async () => {
    await navigator.clipboard.writeText(useDraft.getState().body);
    useUi.getState().notify(t('reply.copied'));
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

  if (ready === null) return <p>{t('common.loading')}</p>;
  const status =
    draft.status === 'saving'
      ? t('reply.saving')
      : draft.status === 'unsaved'
        ? t('reply.unsaved')
        : draft.savedAt
          ? t('reply.saved', { time: formatInstant(draft.savedAt) })
          : '';

  return (
    <section className="reply" aria-labelledby="reply-title">
      <h1 id="reply-title">
        {t('reply.title')} · {caseRef} · {ready.customer.name}
      </h1>
      <ZoneNote />
      {ready.decisions.length === 0 && <p className="muted">{t('reply.noDecision')}</p>}
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
        <button type="button" onClick={() => draft.edit(generate())}>
          {t('reply.regenerate')}
        </button>
        <button type="button" className="primary" onClick={() => void copy()}>
          {t('reply.copy')}
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
        value={draft.ref === caseRef ? draft.body : ''}
        onChange={(e) => draft.edit(e.target.value)}
        onBlur={() => void draft.flush()}
      />
    </section>
  );
}
