import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { senderName } from '../../../shared/model/message';
import { api, call } from '../../api/client';
import { useIncoming } from '../../state/incoming';
import { useUi } from '../../state/ui';
import { MessageText } from '../message/MessageText';
import type { FormValues } from './form';

/**
 * The order and the customer a message dropped on the queue names fill the new case's empty
 * fields; the facts wait for the case, where each is proposed with its source to accept.
 */
export function useMessageFill(form: FormValues, setForm: (form: FormValues) => void): void {
  const pending = useIncoming((s) => s.pending);
  useEffect(() => {
    if (pending === null) return;
    const orderId = pending.read.proposals.find((p) => p.fact === 'orderId')?.value;
    const filled = { ...form };
    if ((form.orderId ?? '') === '' && typeof orderId === 'string') filled.orderId = orderId;
    if ((form.customerName ?? '') === '') filled.customerName = senderName(pending.read.from);
    setForm(filled);
  }, [pending]);
}

/** Keeps the pending message with the case just created; whether there was one to keep. */
export async function keepPendingWith(ref: string, agent: string): Promise<boolean> {
  const { pending, clear } = useIncoming.getState();
  if (pending === null) return false;
  try {
    await call(api['messages.add']({ ref, agent, ...pending.input }));
    clear();
  } catch (error) {
    useUi.getState().notify((error as Error).message, 'error');
  }
  return true;
}

export function PendingMessage() {
  const { t } = useTranslation();
  const pending = useIncoming((s) => s.pending);
  const clear = useIncoming((s) => s.clear);
  if (pending === null) return null;
  return (
    <section className="message pending-message" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('message.pending')}</h2>
      <p className="hint">{t('message.pendingIntro')}</p>
      <MessageText text={pending.read.text} proposals={pending.read.proposals} selected={null} />
      <button type="button" onClick={clear}>
        {t('message.discard')}
      </button>
    </section>
  );
}
