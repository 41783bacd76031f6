import type { FactId } from '../../model/catalogue';
import type { ActionId, ClauseId } from '../../model/clause-ids';
import type { KnownFacts } from '../read-facts';
import type { Instant } from '../time';
import type { Tracer } from '../trace';
import type { Policy } from '../versions';

/**
 * What one product kind's rules conclude before the refund terms common to every kind are
 * applied. A refusal is reported only once a clause that rules the refund out is established
 * by known facts, so the decision always cites the right clause; until then the kind names
 * the facts that could still change the answer.
 */
export type Verdict = (
  | { kind: 'refused'; clauses: ClauseId[]; windowClosesAt: Instant | null }
  | { kind: 'undetermined'; missing: FactId[]; windowClosesAt: Instant | null }
  | {
      kind: 'refund';
      clauses: ClauseId[];
      /** Steps before the refund can happen; a non-empty list makes the outcome conditional. */
      conditions: ActionId[];
      windowClosesAt: Instant;
    }
) & {
  /** The nanoseconds below windowClosesAt's millisecond, from the instant it derives from (0 if none). */
  windowClosesAtSub?: number;
};

/**
 * One kind's rules, reading their windows and sets from the policy revision that judges the
 * case; each check is written to the tracer when the caller asked for a trace.
 */
export type KindRules = (facts: KnownFacts, policy: Policy, trace: Tracer | null) => Verdict;

export function refusedOrUndetermined(
  refusals: ClauseId[],
  missing: FactId[],
  windowClosesAt: Instant | null,
  windowClosesAtSub = 0,
): Verdict | null {
  if (refusals.length > 0) return { kind: 'refused', clauses: refusals, windowClosesAt, windowClosesAtSub };
  if (missing.length > 0) return { kind: 'undetermined', missing, windowClosesAt, windowClosesAtSub };
  return null;
}
