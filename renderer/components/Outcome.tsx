import { useTranslation } from 'react-i18next';
import type { Outcome as OutcomeId } from '../../shared/model/decision';

export function Outcome({ outcome }: { outcome: OutcomeId | null }) {
  const { t } = useTranslation();
  return (
    <span className={`badge outcome-${outcome ?? 'none'}`}>{t(`outcome.${outcome ?? 'undecided'}`)}</span>
  );
}
