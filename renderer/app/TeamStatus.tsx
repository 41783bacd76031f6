import { useTranslation } from 'react-i18next';
import { When } from '../components/When';
import { useTeam, teamActions, useTeamStatusPolling } from '../state/team';
import { useAction } from '../state/use-action';

/** Lost offline claims, until the agent says they have seen them. */
function LostClaims() {
  const { t } = useTranslation();
  const lost = useTeam((s) => s.status?.lostClaims ?? []);
  const { busy, run } = useAction();
  if (lost.length === 0) return null;
  return (
    <div className="banner team-lost" role="alert">
      <strong>{t('team.lostTitle')}</strong>
      <ul>
        {lost.map((claim) => (
          <li key={claim.eventId}>
            <a href={`#/case/${claim.ref}`}>{t('team.lost', { ref: claim.ref, holder: claim.holder })}</a>
          </li>
        ))}
      </ul>
      <button
        type="button"
        disabled={busy}
        onClick={() => void run(() => teamActions.acknowledgeLostClaims())}
      >
        {t('team.lostOk')}
      </button>
    </div>
  );
}

/**
 * The team server at a glance, at the top of every screen: online or not, the last sync on
 * the screen's clock, what waits, what is in conflict, and Sync now. Shown only in team mode.
 */
export function TeamStatus() {
  const { t } = useTranslation();
  useTeamStatusPolling();
  const status = useTeam((s) => s.status);
  const syncing = useTeam((s) => s.syncing);
  const { run } = useAction();
  if (status === null || !status.configured) return null;
  const state = status.online === null ? 'connecting' : status.online ? 'online' : 'offline';
  return (
    <>
      <section className={`team-bar ${state}`} aria-label={t('team.bar')}>
        <span className="team-state" role="status">
          <span aria-hidden="true">{status.online === false ? '○' : '●'}</span> {t(`team.${state}`)}
        </span>
        <span>
          {status.lastSyncAt === null ? (
            t('team.neverSynced')
          ) : (
            <>
              {t('team.lastSync')} <When iso={status.lastSyncAt} />
            </>
          )}
        </span>
        <span className="team-waiting">{t('team.waiting', { count: status.waiting })}</span>
        {status.conflicts > 0 && (
          <span className="team-conflicts">{t('team.conflicts', { count: status.conflicts })}</span>
        )}
        {status.refused.length > 0 && (
          <span
            className="team-refused"
            title={status.refused
              .map((event) => `${event.ref ?? ''} ${event.kind}: ${event.reason}`)
              .join('\n')}
          >
            {t('team.refused', { count: status.refused.length })}
          </span>
        )}
        {status.held.length > 0 && (
          <span className="team-held" title={status.held.map((event) => event.kind).join('\n')}>
            {t('team.held', { count: status.held.length })}
          </span>
        )}
        {status.online === false && status.nextAttemptAt !== null && (
          <span className="muted">
            {t('team.nextTry')} <When iso={status.nextAttemptAt} />
          </span>
        )}
        {status.online === false && status.lastError !== null && (
          <span className="muted team-error" title={status.lastError}>
            {t('team.offlineWhy', { error: status.lastError })}
          </span>
        )}
        <button
          type="button"
          className="team-sync"
          disabled={syncing || status.syncing}
          onClick={() => void run(() => useTeam.getState().syncNow())}
        >
          {syncing || status.syncing ? t('team.syncing') : t('team.syncNow')}
        </button>
      </section>
      <LostClaims />
    </>
  );
}
