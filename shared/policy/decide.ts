import type { Decision } from '../model/decision';
import { FACT_IDS, KINDS, type FactId } from '../model/catalogue';
import type { Facts, ProductType } from '../model/facts';
import { type Language } from '../model/languages';
import { type ActionId, type ClauseId } from '../model/clause-ids';
import { apiRules } from './kinds/api';
import { imageRules } from './kinds/image';
import { rtcRules } from './kinds/rtc';
import { saasRules } from './kinds/saas';
import { serviceRules } from './kinds/service';
import type { KindRules, Verdict } from './kinds/verdict';
import { readFacts, type KnownFacts } from './read-facts';
import { Tracer } from './trace';
import { formatPreciseInstant } from './time';
import { RULE_BOOK, type Policy, type PolicyBook } from './versions';

export interface DecideOptions {
  /** The current time, used only when the facts carry no `requestedAt`. */
  now: Date | number;
  /** Language of the reason texts; English unless told. */
  language?: Language;
  /**
   * The rules to judge by: one revision (a named one, or a draft), or a book whose version in
   * force at the payment decides. The built-in rule book unless told.
   */
  policy?: Policy | PolicyBook;
  /** Adds the decision's trace: each rule checked, the facts it read, what it concluded. */
  trace?: boolean;
}

// A kind without rules does not compile; whether its refusals go to the provider is the catalogue's.
const RULES_BY_KIND: Record<ProductType, KindRules> = {
  saas: saasRules,
  service: serviceRules,
  image: imageRules,
  api: apiRules,
  rtc_package: rtcRules,
};

const ASKING_ORDER = new Map<FactId, number>(FACT_IDS.map((id, index) => [id, index]));
function inAskingOrder(a: FactId, b: FactId): number {
  return ASKING_ORDER.get(a)! - ASKING_ORDER.get(b)!;
}

/**
 * Decides a refund request by the rule book. Pure and deterministic: the caller passes the
 * time. Throws InvalidFactsError on input that is wrong rather than merely incomplete.
 */
export function decide(facts: Facts, options: DecideOptions): Decision {
  const now = typeof options.now === 'number' ? options.now : options.now.getTime();
  const { known, policy } = readFacts(facts, now, options.policy ?? RULE_BOOK);
  const trace = options.trace === true ? new Tracer(facts, known) : null;
  const verdict = verdictOf(known, policy, trace);
  const decision = toDecision(known, verdict, policy, options.language ?? 'en', trace);
  if (trace !== null) decision.trace = { format: 1, steps: trace.steps };
  return decision;
}

/** The parts of a decision that say what it decided, not how it words or dates it. */
export type DecisionAnswer = Pick<
  Decision,
  'outcome' | 'refundAmount' | 'currency' | 'clauses' | 'policyVersion' | 'policyRevision'
>;

/**
 * What decide() answers, without the reason texts and the written instants: a replay compares
 * answers over every stored case and needs nothing else, so it skips writing them. Always the
 * same as the same fields of decide() (decide.properties.test.ts).
 */
export function decideAnswer(facts: Facts, options: Pick<DecideOptions, 'now' | 'policy'>): DecisionAnswer {
  const now = typeof options.now === 'number' ? options.now : options.now.getTime();
  const { known, policy } = readFacts(facts, now, options.policy ?? RULE_BOOK);
  const { outcome, refundAmount, clauses } = judge(known, verdictOf(known, policy, null), null);
  return {
    outcome,
    refundAmount,
    currency: known.currency,
    clauses,
    policyVersion: policy.version,
    policyRevision: policy.revision,
  };
}

/**
 * When the request's window closes (milliseconds), as decide()'s `windowClosesAt` says to the
 * millisecond, or null: what the queue sorts an undecided case by. An import asks this of
 * every row, so it skips the decision's texts and the written instants.
 */
export function decideWindowCloses(
  facts: Facts,
  options: Pick<DecideOptions, 'now' | 'policy'>,
): number | null {
  const now = typeof options.now === 'number' ? options.now : options.now.getTime();
  const { known, policy } = readFacts(facts, now, options.policy ?? RULE_BOOK);
  return verdictOf(known, policy, null).windowClosesAt;
}

function verdictOf(known: KnownFacts, policy: Policy, trace: Tracer | null): Verdict {
  trace?.step('productType', ['productType'], known.productType === undefined ? null : true);
  return known.productType === undefined
    ? { kind: 'undetermined', missing: known.paidAt === undefined ? ['paidAt'] : [], windowClosesAt: null }
    : RULES_BY_KIND[known.productType](known, policy, trace);
}

type Judgement = Pick<Decision, 'outcome' | 'refundAmount' | 'clauses' | 'actions' | 'missing'>;

// decide() runs in bulk (imports, re-decisions, the queue), so the hot path avoids
// per-call closures and object spreads: each decision is built as one literal.
function toDecision(
  known: KnownFacts,
  verdict: Verdict,
  policy: Policy,
  language: Language,
  trace: Tracer | null,
): Decision {
  const judgement = judge(known, verdict, trace);
  const reasons: Decision['reasons'] = [];
  for (const clause of judgement.clauses)
    reasons.push({ clause, text: policy.wording.clauses[clause][language] });
  return {
    outcome: judgement.outcome,
    refundAmount: judgement.refundAmount,
    currency: known.currency,
    clauses: judgement.clauses,
    actions: judgement.actions,
    missing: judgement.missing,
    windowClosesAt:
      verdict.windowClosesAt === null
        ? null
        : formatPreciseInstant(verdict.windowClosesAt, verdict.windowClosesAtSub ?? 0),
    requestedAt: formatPreciseInstant(known.requestedAt, known.requestedAtSub),
    requestedAtAssumed: known.requestedAtAssumed,
    policyVersion: policy.version,
    policyRevision: policy.revision,
    reasons,
  };
}

function judge(known: KnownFacts, verdict: Verdict, trace: Tracer | null): Judgement {
  switch (verdict.kind) {
    case 'undetermined': {
      const missing = unknownCommonFacts(known, verdict.missing);
      return needs(known.productType === undefined ? ['productType', ...missing] : missing);
    }
    case 'refused': {
      // The provider is the customer's next step after a refusal for most kinds.
      const referToProvider = KINDS[known.productType!].refusalsGoToProvider;
      trace?.step('refund.contact-provider', ['productType'], referToProvider);
      return {
        outcome: 'ineligible',
        refundAmount: 0,
        clauses: referToProvider ? [...verdict.clauses, 'refund.contact-provider'] : verdict.clauses,
        actions: referToProvider ? ['contact_provider'] : [],
        missing: [],
      };
    }
    case 'refund': {
      trace?.step('orderAmount', ['orderAmount'], known.orderAmount === undefined ? null : true);
      if (known.orderAmount === undefined) return needs(['orderAmount']);
      // The kind's arrays are fresh for every call, so they are extended in place.
      const conditional = verdict.conditions.length > 0;
      const clauses: ClauseId[] = verdict.clauses;
      const actions: ActionId[] = verdict.conditions;
      trace?.step('refund.cash-only', ['orderAmount', 'voucherAmount'], known.voucherAmount > 0);
      trace?.step('refund.return-invoice', ['invoiceIssued'], known.invoiceIssued);
      if (known.voucherAmount > 0) clauses.push('refund.cash-only');
      if (known.invoiceIssued) {
        clauses.push('refund.return-invoice');
        actions.push('return_invoice');
      }
      return {
        outcome: conditional ? 'conditional' : 'eligible',
        refundAmount: known.orderAmount - known.voucherAmount,
        clauses,
        actions,
        missing: [],
      };
    }
  }
}

function needs(missing: FactId[]): Judgement {
  return {
    outcome: 'needs_info',
    refundAmount: null,
    clauses: [],
    actions: [],
    missing: missing.sort(inAskingOrder),
  };
}

/** The order amount is needed whenever a refund is still possible. */
function unknownCommonFacts(known: KnownFacts, kindMissing: FactId[]): FactId[] {
  return known.orderAmount === undefined ? ['orderAmount', ...kindMissing] : kindMissing;
}
