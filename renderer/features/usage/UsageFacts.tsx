import { useTranslation } from 'react-i18next';
import type { Facts } from '../../../shared/model/facts';
import type { UsageBreakdown, UsageInput } from '../../../shared/policy/rtc-usage';
import { minutesDrawn } from '../../../shared/policy/usage-facts';
import { caseActions } from '../../state/case-actions';
import { useSettings } from '../../state/settings';
import { useAction } from '../../state/use-action';

const minutes = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

/**
 * The case's "minutes used" against the export: a case that says 0 while the export shows
 * minutes drawn would refund a used package. Flags the contradiction and offers to set the
 * fact from the export (an ordinary, audited fact change).
 */
export function UsageFacts({
  caseRef,
  facts,
  input,
  breakdown,
}: {
  caseRef: string;
  facts: Facts;
  input: UsageInput;
  breakdown: UsageBreakdown;
}) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const { busy, run } = useAction();
  const drawn = minutesDrawn(facts, input, breakdown);
  if (drawn === null || (!drawn.contradicts && facts.consumedMinutes !== undefined)) return null;

  const setFromExport = () =>
    run(
      () => caseActions.updateFacts(caseRef, { ...facts, consumedMinutes: drawn.drawn }, agentName),
      () => t('usage.factSet', { minutes: minutes(drawn.drawn) }),
    );
  const from = drawn.packageId === null ? t('usage.allPackages') : drawn.packageId;
  return (
    <div className={drawn.contradicts ? 'usage-facts' : 'notice'} role={drawn.contradicts ? 'alert' : 'note'}>
      <p>
        {drawn.contradicts
          ? t('usage.contradiction', {
              fact: minutes(facts.consumedMinutes!),
              drawn: minutes(drawn.drawn),
              from,
            })
          : t('usage.factUnknown', { drawn: minutes(drawn.drawn), from })}
      </p>
      <button type="button" disabled={busy || agentName === ''} onClick={() => void setFromExport()}>
        {t('usage.setFact', { minutes: minutes(drawn.drawn) })}
      </button>
    </div>
  );
}
