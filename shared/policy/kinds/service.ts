import type { FactId } from '../../model/catalogue';
import type { ClauseId } from '../../model/clause-ids';
import type { KnownFacts } from '../read-facts';
import { addMonths, isLater } from '../time';
import type { Tracer } from '../trace';
import type { ExclusionRule, Policy } from '../versions';
import { refusedOrUndetermined, type KindRules } from './verdict';

/** true/false when known; undefined when it depends on an unknown payment time. */
function silencePeriodPassed(
  { paidAt, paidAtSub, requestedAt, requestedAtSub }: KnownFacts,
  policy: Policy,
): boolean | undefined {
  if (paidAt === undefined) return undefined;
  return !isLater(addMonths(paidAt, policy.silenceMonths), paidAtSub, requestedAt, requestedAtSub);
}

/** The silence mark, then each exclusion in force: held, ruled out, or not known yet. */
function traceExclusions(trace: Tracer, facts: KnownFacts, policy: Policy, passed: boolean | undefined) {
  const mark = facts.paidAt === undefined ? null : addMonths(facts.paidAt, policy.silenceMonths);
  trace.step('service.silence-months', ['paidAt', 'requestedAt'], passed ?? null, mark);
  for (const rule of policy.exclusions) {
    const answer = facts.exclusions[rule.key];
    const cannotHoldYet = rule.afterSilence && passed === false;
    const established = answer === true && (passed === true || !rule.afterSilence);
    const holds = cannotHoldYet || answer === false ? false : established ? true : null;
    trace.step(rule.clause, [`exclusions.${rule.key}`], holds);
  }
}

export const serviceRules: KindRules = (facts, policy, trace) => {
  const { serviceStatus, guaranteeEndsAt, guaranteeEndsAtSub, requestedAt, requestedAtSub, exclusions } =
    facts;
  const windowClosesAt = guaranteeEndsAt ?? null;
  const afterGuarantee =
    guaranteeEndsAt !== undefined &&
    isLater(requestedAt, requestedAtSub, guaranteeEndsAt, guaranteeEndsAtSub);

  trace?.step(
    'service.completed',
    ['serviceStatus'],
    serviceStatus === undefined ? null : serviceStatus === 'completed',
  );
  trace?.step(
    'service.guarantee-window',
    ['guaranteeEndsAt', 'requestedAt'],
    guaranteeEndsAt === undefined ? null : !afterGuarantee,
    guaranteeEndsAt,
  );
  const refusals: ClauseId[] = [];
  if (serviceStatus === 'completed') refusals.push('service.completed');
  if (afterGuarantee) refusals.push('service.guarantee-window');
  const missing: FactId[] = [];
  if (serviceStatus === undefined) missing.push('serviceStatus');
  if (guaranteeEndsAt === undefined) missing.push('guaranteeEndsAt');
  const settled = refusedOrUndetermined(refusals, [], windowClosesAt, guaranteeEndsAtSub);
  if (settled) return settled;

  // From here the order is (or may turn out to be) in progress inside its guarantee, so
  // the exclusions in force can decide it.
  const passed = silencePeriodPassed(facts, policy);
  if (trace) traceExclusions(trace, facts, policy, passed);
  const canHold = (rule: ExclusionRule) => !rule.afterSilence || passed !== false;
  const applicable = policy.exclusions.filter(canHold);
  const holding = applicable.filter((rule) => exclusions[rule.key] === true);
  const established = holding.filter((rule) => passed === true || !rule.afterSilence);

  if (holding.length === 0) {
    for (const rule of applicable) {
      if (exclusions[rule.key] === undefined) missing.push(`exclusions.${rule.key}`);
    }
  }
  // The payment time matters only to learn whether a silence exclusion can hold.
  if (
    passed === undefined &&
    applicable.some((rule) => rule.afterSilence && exclusions[rule.key] !== false)
  ) {
    if (established.length === 0) missing.push('paidAt');
  }
  if (missing.length === 0 && established.length > 0) {
    return {
      kind: 'refused',
      clauses: established.map((rule) => rule.clause),
      windowClosesAt,
      windowClosesAtSub: guaranteeEndsAtSub,
    };
  }
  if (missing.length > 0 || guaranteeEndsAt === undefined) {
    return { kind: 'undetermined', missing, windowClosesAt, windowClosesAtSub: guaranteeEndsAtSub };
  }
  return {
    kind: 'refund',
    clauses: ['service.in-progress'],
    conditions: [],
    windowClosesAt: guaranteeEndsAt,
    windowClosesAtSub: guaranteeEndsAtSub,
  };
};
