import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../shared/model/case';
import { isBreached, runningClocks, serviceStateOf, type ClockDue } from '../../shared/model/service-targets';
import { currentLanguage } from '../i18n';
import { formatInstant, roughSpan } from '../lib/time';
import { useSettings } from '../state/settings';
import { useUi } from '../state/ui';
import { useDisplayZone } from './When';

/** "first reply due in 2 h", "resolution overdue 1 d": one service clock, the due instant on hover. */
function ClockLabel({ due }: { due: ClockDue }) {
  const { t } = useTranslation();
  const now = useUi((s) => s.now);
  const { zone } = useDisplayZone();
  const breached = isBreached(due, now);
  const { unit, count } = roughSpan(due.dueAt - now);
  const dueAt = new Date(due.dueAt).toISOString();
  return (
    <time
      className={`service-clock ${breached ? 'passed' : 'ok'}`}
      dateTime={dueAt}
      title={formatInstant(dueAt, currentLanguage(), zone)}
    >
      {t(`service.${due.clock}.${breached ? 'overdue' : 'due'}`, {
        time: t(`service.${unit}`, { n: count }),
      })}
    </time>
  );
}

/** The case's running service clocks (the queue shows the next one only); nothing once none runs. */
export function ServiceClocks({ summary, first = false }: { summary: CaseSummary; first?: boolean }) {
  const targets = useSettings((s) => s.serviceTargets);
  const clocks = runningClocks(serviceStateOf(summary), targets);
  return (
    <>
      {(first ? clocks.slice(0, 1) : clocks).map((due) => (
        <ClockLabel key={due.clock} due={due} />
      ))}
    </>
  );
}
