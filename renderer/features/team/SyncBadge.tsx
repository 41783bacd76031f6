import { useTranslation } from 'react-i18next';
import { useTeam } from '../../state/team';
import './team.css';

const MARK = { synced: '✓', waiting: '↑', conflict: '⚠' } as const;

/** A case's place in team sync: synced, waiting to sync, or in conflict; nothing outside team mode. */
export function SyncBadge({ caseRef, compact = false }: { caseRef: string; compact?: boolean }) {
  const { t } = useTranslation();
  const state = useTeam((s) => s.cases[caseRef]);
  if (state === undefined) return null;
  const label = t(`team.state.${state.state}`);
  return (
    <>
      <span className={`badge sync-${state.state}`} title={label} data-sync={state.state}>
        <span aria-hidden="true" className="sync-mark">
          {MARK[state.state]}
        </span>
        {compact ? <span className="visually-hidden">{label}</span> : ` ${label}`}
      </span>
      {state.provisionalClaim && (
        <span className="badge sync-provisional" title={t('team.provisional')}>
          {compact ? <span aria-hidden="true">?</span> : t('team.provisional')}
          {compact && <span className="visually-hidden">{t('team.provisional')}</span>}
        </span>
      )}
    </>
  );
}
