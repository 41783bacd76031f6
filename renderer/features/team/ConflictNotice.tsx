import { useTranslation } from 'react-i18next';
import { useCaseSyncStates, useTeam } from '../../state/team';

/** Why a decision would be refused: the case holds a conflict an agent has not settled yet. */
export function ConflictNotice({ caseRef, revision }: { caseRef: string; revision: number }) {
  const { t } = useTranslation();
  useCaseSyncStates([caseRef], revision);
  const inConflict = useTeam((s) => s.cases[caseRef]?.state === 'conflict');
  if (!inConflict) return null;
  return (
    <div className="banner conflict-notice" role="alert">
      <p>{t('team.decideBlocked')}</p>
      <a className="button" href={`#/case/${caseRef}`}>
        {t('team.openCase')}
      </a>
    </div>
  );
}
