import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneChoice } from '../../shared/model/settings';
import { currentLanguage } from '../i18n';
import { formatInstant, POLICY_ZONE_NAME, zoneOf } from '../lib/time';
import { useSettings } from '../state/settings';

/** Set by a screen that must show one zone whatever the setting (a reply, the usage bill). */
const PinnedZone = createContext<ZoneChoice | null>(null);

/** Every time inside is shown on the policy zone's clock, whatever the agent chose. */
export function PolicyZoneScreen({ children }: { children: ReactNode }) {
  return <PinnedZone.Provider value="policy">{children}</PinnedZone.Provider>;
}

/** The clock this screen shows times on: the pinned one, or the agent's setting. */
export function useDisplayZone(): { choice: ZoneChoice; zone: string } {
  const pinned = useContext(PinnedZone);
  const setting = useSettings((s) => s.timeZone);
  const choice = pinned ?? setting;
  return { choice, zone: zoneOf(choice) };
}

/** "UTC+08:00 (the policy zone)" or "Europe/Berlin (your zone)": what inputs and notes name. */
export function useZoneName(): string {
  const { t } = useTranslation();
  const { choice, zone } = useDisplayZone();
  return t(`zone.name.${choice}`, { zone });
}

/** Instants as text (for messages) on this screen's clock, with their offset. */
export function useFormatInstant(): (iso: string) => string {
  useTranslation();
  const { zone } = useDisplayZone();
  const language = currentLanguage();
  return (iso) => formatInstant(iso, language, zone);
}

/** One line saying which clock the screen's times are on. */
export function ZoneNote() {
  const { t } = useTranslation();
  return <p className="muted zone-note">{t('zone.note', { name: useZoneName() })}</p>;
}

/** An instant on this screen's clock with its offset (and seconds when asked); the other clock on hover. */
export function When({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  useTranslation();
  const { zone } = useDisplayZone();
  const language = currentLanguage();
  const other = zone === POLICY_ZONE_NAME ? zoneOf('agent') : POLICY_ZONE_NAME;
  return (
    <time dateTime={iso} title={formatInstant(iso, language, other, seconds)}>
      {formatInstant(iso, language, zone, seconds)}
    </time>
  );
}
