import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatInstant, HOUR_MS, splitSpan } from '../lib/time';
import { useUi } from '../state/ui';
import { useDisplayZone } from './When';

/**
 * Time to `windowClosesAt`: amber inside 24 hours, red once it has passed; the instant on hover.
 * `labelled` says what closes ("refund window closed 35 d ago") where no column heading does.
 */
export function Countdown({ closesAt, labelled = false }: { closesAt: string | null; labelled?: boolean }) {
  const { t } = useTranslation();
  const now = useUi((s) => s.now);
  const { zone } = useDisplayZone();
  if (closesAt === null) return <span className="countdown none">{t('countdown.none')}</span>;
  const left = Date.parse(closesAt) - now;
  const { d, h, m } = splitSpan(left);
  const time =
    d > 0
      ? t('countdown.days', { d, h })
      : h > 0
        ? t('countdown.hours', { h, m })
        : t('countdown.minutes', { m });
  const tone = left < 0 ? 'passed' : left < 24 * HOUR_MS ? 'soon' : 'ok';
  return (
    <time
      className={`countdown ${tone}`}
      dateTime={closesAt}
      title={formatInstant(closesAt, currentLanguage(), zone)}
    >
      {labelled
        ? t(left < 0 ? 'countdown.windowPassed' : 'countdown.windowLeft', { time })
        : t(left < 0 ? 'countdown.passed' : 'countdown.left', { time })}
    </time>
  );
}
