import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, type Outcome } from '../../../shared/model/decision';
import { api, call } from '../../api/client';
import { usePersistentState } from '../../lib/usePersistentState';
import { useCase } from '../../state/case';
import { useRoute } from '../../state/route';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';

const MIN_JUSTIFICATION = 20;

interface Typed {
  note: string;
  override: boolean;
  outcome: Outcome;
  justification: string;
}
const EMPTY: Typed = { note: '', override: false, outcome: 'eligible', justification: '' };

/** Records the decision; the store decides again from the stored facts, authoritatively. */
export function RecordForm({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const [typed, setTyped, clear] = usePersistentState<Typed>(`record.${caseRef}`, EMPTY);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<Typed>) => setTyped({ ...typed, ...patch });
  const justificationLength = typed.justification.trim().length;
  const tooShort = typed.override && justificationLength < MIN_JUSTIFICATION;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (tooShort) return;
    setBusy(true);
    try {
      await call(
        api['decisions.record']({
          ref: caseRef,
          agent: agentName,
          note: typed.note.trim() === '' ? undefined : typed.note,
          override: typed.override
            ? { outcome: typed.outcome, justification: typed.justification }
            : undefined,
        }),
      );
      clear();
      useUi.getState().notify(t('decide.recorded', { ref: caseRef }));
      await useCase.getState().load(caseRef);
      useRoute.getState().go({ name: 'case', ref: caseRef });
    } catch (error) {
      useUi.getState().notify((error as Error).message, 'error');
    } finally {
      setBusy(false);
    }
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
      <button type="submit" className="primary" disabled={busy || tooShort || agentName === ''}>
        {t('decide.record')}
      </button>
    </form>
  );
}
