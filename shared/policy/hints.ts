import { FACTS, optionLabel, type FactId } from '../model/catalogue';
import type { Decision, Outcome } from '../model/decision';
import { readFact, withFact, type FactKey, type Facts } from '../model/facts';
import type { Language } from '../model/languages';
import { decide, type DecideOptions } from './decide';
import { InvalidFactsError } from './read-facts';
import { formatInPolicyZone, formatInstant, parseInstant, type Instant } from './time';
import { wordingOf, type Wording } from './versions';

/**
 * Counterfactual hints: for a decision that is not a plain refund, the smallest change of one
 * fact that would change its outcome, found by deciding again, never guessed. The candidates
 * are the rules' own boundaries: the instants the trace says a rule turns at (for the
 * application time), each yes/no fact flipped, each value of a choice. Only facts an agent can
 * act on or explain to the customer are tried; the payment time, amounts and the listing's
 * guarantee are what they are.
 */
export interface Hint {
  fact: FactKey;
  /** The value that gives `outcome`; null when every answer to a missing fact gives it. */
  value: string | number | boolean | null;
  outcome: Outcome;
  text: string;
}

const CHANGEABLE: readonly ('requestedAt' | FactId)[] = [
  'requestedAt',
  'billingMethod',
  'imageInUse',
  'serviceStatus',
  'exclusions.noServiceRequest',
  'exclusions.infoWithheld',
  'exclusions.scopeExceeded',
  'exclusions.feedbackOverdue',
  'exclusions.itemLapsed',
  'exclusions.legalViolation',
  'consumedMinutes',
];

/** Outcomes from worst to best for the customer; a hint must reach a better, settled one. */
const RANK: Record<Outcome, number> = { ineligible: 0, needs_info: 1, conditional: 2, eligible: 3 };
const isBetter = (outcome: Outcome | null, than: Outcome): outcome is Outcome =>
  outcome !== null && outcome !== 'needs_info' && RANK[outcome] > RANK[than];

/** The values a missing or known fact could take, other than the application time. */
export function answersOf(fact: FactKey, current: unknown): readonly (string | number | boolean)[] {
  if (fact === 'consumedMinutes') return current === undefined ? [0, 1] : current === 0 ? [] : [0];
  const input = FACTS[fact].input;
  if (input.kind === 'yesno') return [true, false].filter((value) => value !== current);
  if (input.kind === 'choice') return input.options.filter((value) => value !== current);
  return [];
}

export interface HintOptions extends DecideOptions {
  /**
   * How an instant reads in a hint: a screen passes its own clock (the zone the agent chose),
   * so a hint's time matches every other time beside it. The policy zone unless told.
   */
  formatWhen?: (instant: Instant) => string;
}

export function counterfactualHints(facts: Facts, options: HintOptions): Hint[] {
  const language = options.language ?? 'en';
  const formatWhen = options.formatWhen ?? formatInPolicyZone;
  const decision = decide(facts, { ...options, trace: true });
  if (decision.outcome === 'eligible') return [];
  const wording = wordingOf(decision, options.policy);
  // A change that makes the facts inconsistent (a request before the payment) is no candidate.
  const judge = (changed: Facts): Outcome | null => {
    try {
      return decide(changed, { ...options, trace: false }).outcome;
    } catch (error) {
      if (error instanceof InvalidFactsError) return null;
      throw error;
    }
  };
  const hints: Hint[] = [];
  if (decision.outcome === 'needs_info') {
    for (const fact of decision.missing) {
      if (!CHANGEABLE.includes(fact)) continue;
      const outcomes = answersOf(fact, undefined).map((value) => judge(withFact(facts, fact, value)));
      const first = outcomes[0];
      if (first && first !== 'needs_info' && outcomes.every((outcome) => outcome === first)) {
        hints.push({ fact, value: null, outcome: first, text: regardless(fact, first, language, wording) });
      }
    }
    return hints;
  }
  const requested = earlierRequest(facts, decision, judge);
  if (requested !== null) {
    const { boundary, ...hint } = requested;
    const before = hint.value !== boundary;
    const when = formatWhen(parseInstant(boundary));
    hints.push({ ...hint, text: requestedText(when, hint.outcome, before, language) });
  }
  for (const fact of CHANGEABLE) {
    const current = readFact(facts, fact);
    if (fact === 'requestedAt' || current === undefined) continue;
    for (const value of answersOf(fact, current)) {
      const outcome = judge(withFact(facts, fact, value));
      if (isBetter(outcome, decision.outcome)) {
        hints.push({ fact, value, outcome, text: changedText(fact, value, outcome, language, wording) });
        break;
      }
    }
  }
  return hints;
}

/**
 * The latest earlier application time that would have given a better outcome: each instant a
 * rule turns at (inclusive windows close there; a package is already expired there, so the
 * millisecond just before is tried too), latest first.
 */
function earlierRequest(
  facts: Facts,
  decision: Decision,
  judge: (changed: Facts) => Outcome | null,
): { fact: 'requestedAt'; value: string; outcome: Outcome; boundary: string } | null {
  const requestedAt = parseInstant(decision.requestedAt);
  const paidAt = facts.paidAt === undefined ? -Infinity : parseInstant(facts.paidAt);
  const candidates = new Map<number, string>();
  for (const step of decision.trace?.steps ?? []) {
    if (step.at === undefined) continue;
    const at = parseInstant(step.at);
    for (const instant of [at, at - 1]) {
      if (instant < requestedAt && instant >= paidAt) candidates.set(instant, step.at);
    }
  }
  for (const [instant, boundary] of [...candidates].sort(([a], [b]) => b - a)) {
    const value = formatInstant(instant);
    const outcome = judge(withFact(facts, 'requestedAt', value));
    if (isBetter(outcome, decision.outcome)) return { fact: 'requestedAt', value, outcome, boundary };
  }
  return null;
}

const OUTCOME_WORDS: Record<Language, Record<Outcome, string>> = {
  en: {
    eligible: 'eligible for a full refund',
    conditional: 'eligible once the customer completes the listed steps',
    ineligible: 'refusable',
    needs_info: 'still undecided',
  },
  zh: {
    eligible: '可以全额退款',
    conditional: '客户完成所列操作后可以退款',
    ineligible: '可以拒绝退款',
    needs_info: '仍无法判定',
  },
};

function valueText(fact: FactKey, value: string | number | boolean, language: Language): string {
  const input = FACTS[fact].input;
  if (typeof value === 'boolean') return language === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (input.kind === 'choice') return optionLabel(input, String(value), language);
  return String(value);
}

/** "by" a window's inclusive close; "before" an instant that is itself too late (an expiry). */
function requestedText(when: string, outcome: Outcome, before: boolean, language: Language): string {
  if (language === 'en') {
    return `Would have been ${OUTCOME_WORDS.en[outcome]} if requested ${before ? 'before' : 'by'} ${when}.`;
  }
  return `若在 ${when} ${before ? '之前' : '或之前'}申请，则${OUTCOME_WORDS.zh[outcome]}。`;
}

function changedText(
  fact: FactId,
  value: string | number | boolean,
  outcome: Outcome,
  language: Language,
  wording: Wording,
) {
  if (fact === 'imageInUse' && value === false) {
    return language === 'en'
      ? `${capitalised(OUTCOME_WORDS.en[outcome])} once the instance is stopped or its OS replaced.`
      : `停止实例或更换操作系统后，${OUTCOME_WORDS.zh[outcome]}。`;
  }
  const label = wording.factLabels[fact][language];
  return language === 'en'
    ? `Would be ${OUTCOME_WORDS.en[outcome]} if “${label}” were ${valueText(fact, value, language)}.`
    : `若「${label}」为「${valueText(fact, value, language)}」，则${OUTCOME_WORDS.zh[outcome]}。`;
}

function regardless(fact: FactId, outcome: Outcome, language: Language, wording: Wording): string {
  const question = wording.questions[fact][language].question;
  return language === 'en'
    ? `${capitalised(OUTCOME_WORDS.en[outcome])} regardless of the answer to “${question}”.`
    : `无论「${question}」如何回答，均${OUTCOME_WORDS.zh[outcome]}。`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
