import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/model/case';
import { When } from '../../components/When';
import { sentText } from './told-text';

/** The replies marked as sent on this case, newest first, from its audit trail. */
export function SentReplies({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  const sent = entries.filter((entry) => entry.action === 'reply.sent').reverse();
  if (sent.length === 0) return <p className="muted sent-replies">{t('reply.notSent')}</p>;
  return (
    <ul className="sent-replies" aria-label={t('reply.sentList')}>
      {sent.map((entry) => (
        <li key={entry.seq}>
          {t('reply.sentBy', { agent: entry.actor, told: sentText(t, entry.detail) })} <When iso={entry.at} />
        </li>
      ))}
    </ul>
  );
}
