import { useTranslation } from 'react-i18next';
import type { Decision, DecisionTrace } from '../../../shared/model/decision';
import type { Facts } from '../../../shared/model/facts';
import { formatMoney } from '../../../shared/model/money';
import { ACTION_TEXTS } from '../../../shared/policy/clauses';
import type { Hint } from '../../../shared/policy/hints';
import { stepFinding } from '../../../shared/policy/trace-words';
import { wordingOf } from '../../../shared/policy/versions';
import { closeIsExcluded } from '../../../shared/policy/window-close';
import { Countdown } from '../../components/Countdown';
import { Outcome } from '../../components/Outcome';
import { useFormatInstant, When } from '../../components/When';
import { currentLanguage } from '../../i18n';
import { RequestTimeNotice } from './RequestTimeNotice';

/** What the rules say right now, beside the questions: it changes with every answer. */
export function DecisionPanel({
  decision,
  facts,
  hints = [],
  onRequestedAt,
  busy = false,
}: {
  decision: Decision;
  facts: Facts;
  hints?: readonly Hint[];
  /** Stores the real request time the agent enters when the rules had to assume one. */
  onRequestedAt?: (iso: string) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const money = (amount: number) => formatMoney({ amount, currency: decision.currency });
  const voucher = facts.voucherAmount ?? 0;
  // Worded as the revision the decision was made under words it.
  const wording = wordingOf(decision);

  return (
    <aside className="panel" aria-labelledby="live-title">
      <h2 id="live-title">{t('decide.live')}</h2>
      <p className="big">
        <Outcome outcome={decision.outcome} />
      </p>
      {decision.requestedAtAssumed && onRequestedAt !== undefined && (
        <RequestTimeNotice judgedAt={decision.requestedAt} busy={busy} onEnter={onRequestedAt} />
      )}
      {decision.missing.length > 0 && (
        <>
          <h3 id="missing-title">{t('decide.missing', { count: decision.missing.length })}</h3>
          <ol className="missing" aria-labelledby="missing-title">
            {decision.missing.map((fact) => (
              <li key={fact}>{wording.questions[fact][language].question}</li>
            ))}
          </ol>
        </>
      )}
      {decision.refundAmount !== null && (
        <div>
          <h3>{t('decide.refund')}</h3>
          <p className="amount">{money(decision.refundAmount)}</p>
          {voucher > 0 && facts.orderAmount !== undefined && (
            <p className="muted">
              {t('decide.voucher', { order: money(facts.orderAmount), voucher: money(voucher) })}
            </p>
          )}
        </div>
      )}
      <h3>{t('decide.judgedAt')}</h3>
      <p className="judged-at">
        <When iso={decision.requestedAt} seconds />
      </p>
      {/* Seconds shown: a request 15 s after the close is outside it. */}
      <h3>{t(closeIsExcluded(decision, facts) ? 'decide.validUntil' : 'decide.window')}</h3>
      <p className="window-close">
        <Countdown closesAt={decision.windowClosesAt} />
        {decision.windowClosesAt && (
          <>
            {' · '}
            <When iso={decision.windowClosesAt} seconds />
            {closeIsExcluded(decision, facts) && t('decide.notIncluding')}
          </>
        )}
      </p>
      {decision.actions.length > 0 && (
        <>
          <h3>{t('decide.actions')}</h3>
          <ol className="checklist">
            {decision.actions.map((action) => (
              <li key={action}>{ACTION_TEXTS[action][language]}</li>
            ))}
          </ol>
        </>
      )}
      {decision.clauses.length > 0 && (
        <>
          <h3>{t('decide.clauses')}</h3>
          <ul className="clauses">
            {decision.clauses.map((clause) => (
              <li key={clause}>
                <code>{clause}</code>
                <p>{wording.clauses[clause][language]}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {hints.length > 0 && (
        <>
          <h3>{t('decide.hints')}</h3>
          <ul className="hints">
            {hints.map((hint) => (
              <li key={hint.fact}>{hint.text}</li>
            ))}
          </ul>
        </>
      )}
      {decision.trace !== undefined && <WhyTrace trace={decision.trace} />}
    </aside>
  );
}

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/** The decision's trace, folded away: each rule checked, the facts it read, what it concluded. */
function WhyTrace({ trace }: { trace: DecisionTrace }) {
  const { t } = useTranslation();
  const formatInstant = useFormatInstant();
  // Instants the rules read are shown on the screen's clock, like every other time on it.
  const shown = (value: unknown) =>
    value === null
      ? '?'
      : typeof value === 'string' && INSTANT.test(value)
        ? formatInstant(value)
        : String(value);
  const language = currentLanguage();
  return (
    <details className="why">
      <summary>{t('decide.why')}</summary>
      <ol>
        {trace.steps.map((step, index) => (
          <li key={index}>
            <code>{step.rule}</code>{' '}
            <span className="muted">
              {Object.entries(step.read)
                .map(([fact, value]) => `${fact} = ${shown(value)}`)
                .join(', ')}
            </span>
            {': '}
            {stepFinding(step, language)}
          </li>
        ))}
      </ol>
    </details>
  );
}
