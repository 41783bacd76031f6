import { useTranslation } from 'react-i18next';
import { formatInstant, POLICY_ZONE_NAME } from '../../lib/time';
import { currentLanguage } from '../../i18n';
import { useQueue } from '../../state/queue';

/**
 * What a drill-down from the dashboard narrowed the queue to (a period of decisions, an agent,
 * the overrides, a day of closing windows), said in words, with the way back to every case
 * (clearing every filter: a drill-down sets the kind, outcome, provider or status too).
 */
export function DrillDown() {
  const { t } = useTranslation();
  const { filters, setFilters } = useQueue();
  const language = currentLanguage();
  const when = (iso: string) => formatInstant(iso, language, POLICY_ZONE_NAME);
  const parts: string[] = [];
  if (filters.decidedSince !== undefined && filters.decidedBefore !== undefined)
    parts.push(
      t('dashboard.drillDecided', { from: when(filters.decidedSince), to: when(filters.decidedBefore) }),
    );
  if (filters.decidedBy !== undefined) parts.push(t('dashboard.drillBy', { agent: filters.decidedBy }));
  if (filters.overridden === true) parts.push(t('dashboard.drillOverridden'));
  if (filters.closesAfter !== undefined && filters.closesBefore !== undefined)
    parts.push(
      t('dashboard.drillClosing', { from: when(filters.closesAfter), to: when(filters.closesBefore) }),
    );
  if (parts.length === 0) return null;
  return (
    <p className="drill-down" role="note">
      <strong>{t('dashboard.drillActive')}</strong> {parts.join(' · ')}{' '}
      <button type="button" className="linkish" onClick={() => void setFilters({})}>
        {t('queueTools.clear')}
      </button>
    </p>
  );
}
