import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../shared/extract';
import type { MessageWithProposals } from '../../../shared/ipc/contract-messages';
import type { CaseDetail } from '../../../shared/model/case';
import { api, call } from '../../api/client';
import { When } from '../../components/When';
import { useSettings } from '../../state/settings';
import { inputOfFile, type MessageInput } from '../../state/incoming';
import { useAction } from '../../state/use-action';
import { useUi } from '../../state/ui';
import { MessageText } from './MessageText';
import { ProposalList } from './ProposalList';

/**
 * The customer's own words beside the facts: paste a message or drop a .eml/.txt file, and it
 * is kept with the case (audited); the facts it states are proposed with their source marked,
 * for the agent to accept or reject one by one.
 */
export function MessagePanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const ref = detail.summary.ref;
  const agentName = useSettings((s) => s.agentName);
  const { busy, run } = useAction();
  const [messages, setMessages] = useState<MessageWithProposals[] | null>(null);
  const [draft, setDraft] = useState('');
  const [selected, setSelected] = useState<Proposal | null>(null);

  useEffect(() => {
    let current = true;
    call(api['messages.list']({ ref }))
      .then(({ items }) => current && setMessages(items))
      .catch((error: Error) => useUi.getState().notify(error.message, 'error'));
    return () => void (current = false);
  }, [ref]);

  const keep = async (request: MessageInput) => {
    const added = await run(
      () => call(api['messages.add']({ ref, agent: agentName, ...request })),
      () => t('message.kept', { ref }),
    );
    if (added === undefined) return;
    setMessages((before) => [...(before ?? []), added]);
    setDraft('');
  };
  const keepFile = async (file: File | undefined) => {
    if (file !== undefined) await keep(await inputOfFile(file));
  };

  if (messages === null) return null;
  const latest = messages.at(-1);
  return (
    <section
      aria-labelledby="message-title"
      className="wide message"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        void keepFile(event.dataTransfer.files[0]);
      }}
    >
      <h2 id="message-title">{t('message.title')}</h2>
      {latest === undefined ? (
        <p className="muted">{t('message.none')}</p>
      ) : (
        <div className="message-grid">
          <div>
            <p className="muted">
              {latest.from !== null && `${t('message.from', { from: latest.from })} · `}
              {t('message.added', { agent: latest.addedBy })} <When iso={latest.addedAt} />
            </p>
            <MessageText text={latest.text} proposals={latest.proposals} selected={selected} />
          </div>
          <div>
            <h3>{t('message.proposals')}</h3>
            <ProposalList detail={detail} message={latest} selected={selected} onSelect={setSelected} />
          </div>
        </div>
      )}
      {messages.length > 1 && (
        <details>
          <summary>{t('message.older', { count: messages.length - 1 })}</summary>
          {messages.slice(0, -1).map((message) => (
            <MessageText key={message.id} text={message.text} proposals={message.proposals} selected={null} />
          ))}
        </details>
      )}
      <p className="hint">{t('message.intro')}</p>
      <form
        className="message-input"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim() !== '') void keep({ text: draft });
        }}
      >
        <label htmlFor="message-paste">{t('message.paste')}</label>
        <textarea
          id="message-paste"
          rows={4}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" disabled={busy || agentName === '' || draft.trim() === ''}>
          {t('message.keep')}
        </button>
        <label className="button">
          {t('message.loadFile')}
          <input
            type="file"
            accept=".eml,.txt,message/rfc822,text/plain"
            className="visually-hidden"
            onChange={(event) => void keepFile(event.target.files?.[0])}
          />
        </label>
      </form>
    </section>
  );
}
