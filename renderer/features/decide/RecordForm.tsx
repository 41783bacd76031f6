import { useTranslation } from 'react-i18next';
import { OUTCOMES, refunds, type Decision, type Outcome } from '../../../shared/model/decision';
import { usePersistentState } from '../../lib/usePersistentState';
import { caseActions } from '../../state/case-actions';
import { useRoute } from '../../state/route';
import { useSettings } from '../../state/settings';
import { useAction } from '../../state/use-action';
import { MIN_DUPLICATE_REASON, OtherRefunds, useOtherRefunds } from './OtherRefunds';

const MIN_JUSTIFICATION = 20;

interface Typed {
  note: string;
  duplicateReason: string;
  override: boolean;
  outcome: Outcome;
  justification: string;
}
const EMPTY: Typed = {
  note: '',
  duplicateReason: '',
  override: false,
  outcome: 'eligible',
  justification: '',
};

/**
 * Records the decision; the store decides again from the stored facts, authoritatively, and
 * refuses when that is not the `decision` the live panel shows.
 */
export function RecordForm({
  caseRef,
  orderId,
  decision,
}: {
  caseRef: string;
  orderId: string;
  decision: Decision;
}) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const [typed, setTyped, clear] = usePersistentState<Typed>(`record.${caseRef}`, EMPTY);
  const { busy, run } = useAction();
  const update = (patch: Partial<Typed>) => setTyped({ ...typed, ...patch });
  const justificationLength = typed.justification.trim().length;
  const tooShort = typed.override && justificationLength < MIN_JUSTIFICATION;
  const otherRefunds = useOtherRefunds(caseRef, orderId);
  const refunding = refunds(typed.override ? typed.outcome : decision.outcome);
  const askReason = refunding && otherRefunds.length > 0;
  const reasonMissing = askReason && typed.duplicateReason.trim().length < MIN_DUPLICATE_REASON;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (tooShort || reasonMissing) return;
    const recorded = await run(
      () =>
        caseActions.recordDecision(caseRef, {
          agent: agentName,
          note: typed.note.trim() === '' ? undefined : typed.note,
          override: typed.override
            ? { outcome: typed.outcome, justification: typed.justification }
            : undefined,
          seen: { outcome: decision.outcome, refundAmount: decision.refundAmount },
          duplicateRefund: askReason ? { justification: typed.duplicateReason } : undefined,
        }),
      () => t('decide.recorded', { ref: caseRef }),
    );
    if (recorded === undefined) return;
    clear();
    useRoute.getState().go({ name: 'case', ref: caseRef });
  };

  return (
    <form className="record" onSubmit={submit}>
      <label htmlFor="record-note">{t('decide.note')}</label>
      <textarea
        id="record-note"
        rows={2}
        value={typed.note}
        onChange={(e) => update({ note: e.target.value })}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={typed.override}
          onChange={(e) => update({ override: e.target.checked })}
        />
        {t('decide.override')}
      </label>
      {typed.override && (
        <>
          <label htmlFor="override-outcome">{t('decide.overrideOutcome')}</label>
          <select
            id="override-outcome"
            value={typed.outcome}
            onChange={(e) => update({ outcome: e.target.value as Outcome })}
          >
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
          <label htmlFor="override-justification">{t('decide.justification')}</label>
          <textarea
            id="override-justification"
            rows={3}
            value={typed.justification}
            aria-invalid={tooShort}
            aria-describedby={tooShort ? 'justification-help' : undefined}
            onChange={(e) => update({ justification: e.target.value })}
          />
          {tooShort && (
            <p id="justification-help" className="error">
              {t('decide.tooShort', { count: justificationLength })}
            </p>
          )}
        </>
      )}
      {askReason && (
        <OtherRefunds
          orderId={orderId}
          refs={otherRefunds}
          reason={typed.duplicateReason}
          onReason={(duplicateReason) => update({ duplicateReason })}
        />
      )}
      <button
        type="submit"
        className="primary"
        disabled={busy || tooShort || reasonMissing || agentName === ''}
      >
        {t('decide.record')}
      </button>
    </form>
  );
}
