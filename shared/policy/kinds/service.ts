import type { FactId } from '../../model/catalogue';
import { EXCLUSION_KEYS, type ExclusionKey } from '../../model/facts';
import type { ClauseId } from '../../model/clause-ids';
import type { KnownFacts } from '../read-facts';
import { addMonths } from '../time';
import { refusedOrUndetermined, type KindRules } from './verdict';

/** Exclusions about a customer's silence need this many months since payment before they can hold. */
export const SILENCE_MONTHS = 3;

export const EXCLUSION_CLAUSES: Record<ExclusionKey, ClauseId> = {
  noServiceRequest: 'exclusion.no-service-request',
  infoWithheld: 'exclusion.info-withheld',
  scopeExceeded: 'exclusion.scope-exceeded',
  feedbackOverdue: 'exclusion.feedback-overdue',
  legalViolation: 'exclusion.legal-violation',
};

const NEEDS_SILENCE_PERIOD: ReadonlySet<ExclusionKey> = new Set([
  'noServiceRequest',
  'infoWithheld',
  'feedbackOverdue',
]);

/** true/false when known; undefined when it depends on an unknown payment time. */
function silencePeriodPassed({ paidAt, requestedAt }: KnownFacts): boolean | undefined {
  return paidAt === undefined ? undefined : requestedAt >= addMonths(paidAt, SILENCE_MONTHS);
}

export const serviceRules: KindRules = (facts) => {
  const { serviceStatus, guaranteeEndsAt, requestedAt, exclusions } = facts;
  const windowClosesAt = guaranteeEndsAt ?? null;
  const afterGuarantee = guaranteeEndsAt !== undefined && requestedAt > guaranteeEndsAt;

  const refusals: ClauseId[] = [];
  if (serviceStatus === 'completed') refusals.push('service.completed');
  if (afterGuarantee) refusals.push('service.guarantee-window');
  const missing: FactId[] = [];
  if (serviceStatus === undefined) missing.push('serviceStatus');
  if (guaranteeEndsAt === undefined) missing.push('guaranteeEndsAt');
  const settled = refusedOrUndetermined(refusals, [], windowClosesAt);
  if (settled) return settled;

  // From here the order is (or may turn out to be) in progress inside its guarantee, so
  // the exclusions can decide it.
  const passed = silencePeriodPassed(facts);
  const canHold = (key: ExclusionKey) => !NEEDS_SILENCE_PERIOD.has(key) || passed !== false;
  const applicable = EXCLUSION_KEYS.filter(canHold);
  const holding = applicable.filter((key) => exclusions[key] === true);
  const established = holding.filter((key) => passed === true || !NEEDS_SILENCE_PERIOD.has(key));

  if (holding.length === 0) {
    for (const key of applicable) {
      if (exclusions[key] === undefined) missing.push(`exclusions.${key}`);
    }
  }
  // The payment time matters only to learn whether a silence exclusion can hold.
  if (
    passed === undefined &&
    applicable.some((key) => NEEDS_SILENCE_PERIOD.has(key) && exclusions[key] !== false)
  ) {
    if (established.length === 0) missing.push('paidAt');
  }
  if (missing.length === 0 && established.length > 0) {
    return { kind: 'refused', clauses: established.map((key) => EXCLUSION_CLAUSES[key]), windowClosesAt };
  }
  if (missing.length > 0 || guaranteeEndsAt === undefined) {
    return { kind: 'undetermined', missing, windowClosesAt };
  }
  return {
    kind: 'refund',
    clauses: ['service.in-progress'],
    conditions: [],
    windowClosesAt: guaranteeEndsAt,
  };
};
