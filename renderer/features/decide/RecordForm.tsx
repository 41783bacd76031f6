import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Facts } from '../../../shared/model/facts';
import { formatMinorUnits, formatMoney, parseMinorUnits } from '../../../shared/model/money';
import { cashPaid } from '../../../shared/policy/recorded';
import { OUTCOMES, refunds, type Decision, type Outcome } from '../../../shared/model/decision';
import { usePersistentState } from '../../lib/usePersistentState';
import { caseActions } from '../../state/case-actions';
import { useRoute } from '../../state/route';
import { useSettings } from '../../state/settings';
import { useAction } from '../../state/use-action';
import { REASON_MIN, reasonTooShort } from '../../../shared/model/reasons';
import { OtherRefunds, useOtherRefunds } from './OtherRefunds';

interface Typed {
  note: string;
  duplicateReason: string;
  override: boolean;
  outcome: Outcome;
  justification: string;
  /** The override's cash refund as typed (199.00); null until the agent changes the prefill. */
  amount: string | null;
}
const EMPTY: Typed = {
  note: '',
  duplicateReason: '',
  override: false,
  outcome: 'eligible',
  justification: '',
  amount: null,
};

type AmountRead = { amount: number | undefined; problem: string | null };

/** The override's amount as the store takes it, or the problem to show at the field. */
function readAmount(typed: Typed, facts: Facts, currency: string, t: TFunction): AmountRead {
  const paid = cashPaid(facts);
  const paidText = paid === null ? '' : formatMoney({ amount: paid, currency });
  if (!typed.override || !refunds(typed.outcome)) return { amount: undefined, problem: null };
  if (paid === null) return { amount: undefined, problem: t('decide.overrideAmountUnknown') };
  if (typed.amount === null) return { amount: paid, problem: null };
  const amount = parseMinorUnits(typed.amount, currency);
  if (amount === null) return { amount: undefined, problem: t('decide.overrideAmountNotMoney') };
  if (amount > paid)
    return { amount: undefined, problem: t('decide.overrideAmountAbove', { paid: paidText }) };
  return { amount, problem: null };
}

/**
 * Records the decision; the store decides again from the stored facts, authoritatively, and
 * refuses when that is not the `decision` the live panel shows.
 */
export function RecordForm({
  caseRef,
  orderId,
  decision,
  facts,
}: {
  caseRef: string;
  orderId: string;
  decision: Decision;
  facts: Facts;
}) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const [typed, setTyped, clear] = usePersistentState<Typed>(`record.${caseRef}`, EMPTY);
  const { busy, run } = useAction();
  const update = (patch: Partial<Typed>) => setTyped({ ...typed, ...patch });
  const justificationLength = typed.justification.trim().length;
  const tooShort = typed.override && reasonTooShort('override', typed.justification);
  const otherRefunds = useOtherRefunds(caseRef, orderId);
  const refunding = refunds(typed.override ? typed.outcome : decision.outcome);
  const askReason = refunding && otherRefunds.length > 0;
  const reasonMissing = askReason && reasonTooShort('duplicateRefund', typed.duplicateReason);
  const currency = decision.currency;
  const paid = cashPaid(facts);
  const read = readAmount(typed, facts, currency, t);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (tooShort || reasonMissing || read.problem !== null) return;
    const recorded = await run(
      () =>
        caseActions.recordDecision(caseRef, {
          agent: agentName,
          note: typed.note.trim() === '' ? undefined : typed.note,
          override: typed.override
            ? { outcome: typed.outcome, justification: typed.justification, amount: read.amount }
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
          {refunds(typed.outcome) ? (
            <>
              <label htmlFor="override-amount">
                {t('decide.overrideAmount', {
                  currency,
                  paid: paid === null ? t('decide.notKnown') : formatMoney({ amount: paid, currency }),
                })}
              </label>
              <input
                id="override-amount"
                inputMode="decimal"
                value={typed.amount ?? (paid === null ? '' : formatMinorUnits(paid, currency))}
                aria-invalid={read.problem !== null}
                aria-describedby={read.problem !== null ? 'override-amount-error' : undefined}
                onChange={(e) => update({ amount: e.target.value })}
              />
              {read.problem !== null && (
                <p id="override-amount-error" className="error">
                  {read.problem}
                </p>
              )}
            </>
          ) : (
            <p className="muted">{t('decide.overrideRefundsNothing')}</p>
          )}
          <label htmlFor="override-justification">
            {t('decide.justification', { min: REASON_MIN.override })}
          </label>
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
              {t('decide.tooShort', { count: justificationLength, min: REASON_MIN.override })}
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
        disabled={busy || tooShort || reasonMissing || read.problem !== null || agentName === ''}
      >
        {t('decide.record')}
      </button>
    </form>
  );
}
