import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACTS, type FactId } from '../../../shared/model/catalogue';
import { readFact, withFact, type FactKey } from '../../../shared/model/facts';
import { parseFacts } from '../../../shared/policy/parse-facts';
import { decide } from '../../../shared/policy/decide';
import { counterfactualHints } from '../../../shared/policy/hints';
import { wordingOf } from '../../../shared/policy/versions';
import { useDisplayZone } from '../../components/When';
import { formatInstant } from '../../lib/time';
import { currentLanguage } from '../../i18n';
import { useCase } from '../../state/case';
import { caseActions } from '../../state/case-actions';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import { answerText } from './answers';
import { useAction } from '../../state/use-action';
import { FactList } from '../case/FactList';
import { translateProblem } from '../../i18n/problems';
import { caseDecisionOfRecord, recordedDiffering } from '../../../shared/policy/recorded';
import { DecisionPanel } from './DecisionPanel';
import { growthOf, type Progress } from './progress';
import { RecordedPanel } from './RecordedPanel';
import { QuestionCard } from './QuestionCard';
import { RecordForm } from './RecordForm';
import { ConflictNotice } from '../team/ConflictNotice';
import { CaseApprovalNotice } from '../approvals/ApprovalNotes';

/**
 * The guided flow: ask exactly what decide() reports missing, first item first. Each answer is
 * stored at once (cases.updateFacts), so a half-finished interview survives anything.
 */
export function DecideScreen({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const { detail, error, load } = useCase();
  const agentName = useSettings((s) => s.agentName);
  const now = useUi((s) => s.now);
  const { busy, run } = useAction();
  const { zone } = useDisplayZone();
  /** The known fact the agent asked to change; it keeps its value until a new one is given. */
  const [changing, setChanging] = useState<FactId | null>(null);
  useEffect(() => void load(caseRef), [caseRef, load]);

  const facts = detail?.summary.ref === caseRef ? detail.facts : null;
  const decision = useMemo(
    () => (facts === null ? null : decide(facts, { now, language: currentLanguage(), trace: true })),
    [facts, now],
  );
  const language = currentLanguage();
  // A hint's time is on the screen's clock, like every other time beside it.
  const hints = useMemo(() => {
    if (facts === null) return [];
    const formatWhen = (instant: number) => formatInstant(new Date(instant).toISOString(), language, zone);
    return counterfactualHints(facts, { now, language, formatWhen });
  }, [facts, now, language, zone]);

  // What the counter showed last, so a jump in the count is explained rather than shown bare;
  // the explanation stays until the count changes again.
  const shown = useRef<{ progress: Progress; growth: ReturnType<typeof growthOf> } | null>(null);
  if (facts !== null && decision !== null) {
    const progress: Progress = { ref: caseRef, kind: facts.productType, left: decision.missing.length };
    const last = shown.current;
    const same = last !== null && JSON.stringify(last.progress) === JSON.stringify(progress);
    if (!same) shown.current = { progress, growth: growthOf(last?.progress ?? null, progress) };
  }
  const growth = shown.current?.growth ?? null;

  if (error) return <p className="error">{t('common.error', { message: error })}</p>;
  if (facts === null || decision === null) return <p>{t('common.loading')}</p>;
  const next = decision.missing[0];
  const recorded = recordedDiffering(detail!, decision);

  const currency = facts.currency ?? decision.currency;
  const answer = async (fact: FactKey, value: unknown) => {
    // Checked here first so a refusal names the fact and the problem in the agent's language.
    const checked = parseFacts(withFact(facts, fact, value), Date.now());
    if (!checked.ok) {
      const field = Object.hasOwn(FACTS, checked.error.field)
        ? FACTS[checked.error.field as FactId].label[currentLanguage()]
        : checked.error.field;
      useUi.getState().notify(`${field}: ${translateProblem(checked.error.message, t)}`, 'error');
      return;
    }
    const saved = await run(() => caseActions.setFact(caseRef, fact, value, agentName));
    if (saved !== undefined && fact === changing) setChanging(null);
  };

  return (
    <section className="decide" aria-labelledby="decide-title">
      <h1 id="decide-title">
        {t('decide.title')} · {caseRef} · {detail!.customer.name}
      </h1>
      <CaseApprovalNotice detail={detail!} />
      <div className="decide-grid">
        <div className="decide-ask">
          {changing !== null ? (
            <QuestionCard
              key={`change-${changing}`}
              fact={changing}
              wording={wordingOf(decision)}
              currency={currency}
              left={decision.missing.length}
              busy={busy || agentName === ''}
              grewFrom={null}
              initial={answerText(FACTS[changing].input, readFact(facts, changing), { currency, zone })}
              onAnswer={(value) => void answer(changing, value)}
              onCancel={() => setChanging(null)}
            />
          ) : next !== undefined ? (
            <QuestionCard
              key={next}
              fact={next}
              wording={wordingOf(decision)}
              currency={currency}
              left={decision.missing.length}
              grewFrom={growth}
              busy={busy || agentName === ''}
              onAnswer={(value) => void answer(next, value)}
            />
          ) : (
            <p className="done">{t('decide.allKnown')}</p>
          )}
        </div>
        <div className="decide-known">
          <h2>{t('decide.known')}</h2>
          <FactList facts={facts} onChange={setChanging} />
        </div>
        <div className="decide-record">
          <ConflictNotice caseRef={caseRef} revision={detail!.summary.revision} />
          <RecordForm caseRef={caseRef} orderId={detail!.summary.orderId} decision={decision} facts={facts} />
        </div>
        <div className="decide-side">
          {(recorded !== null || caseDecisionOfRecord(detail!)?.stale === true) && (
            <RecordedPanel detail={detail!} beside />
          )}
          <DecisionPanel
            decision={decision}
            facts={facts}
            hints={hints}
            busy={busy || agentName === ''}
            onRequestedAt={(iso) => void answer('requestedAt', iso)}
          />
        </div>
      </div>
    </section>
  );
}
