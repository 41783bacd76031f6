import type { Decision } from '../model/decision';
import type { Facts } from '../model/facts';
import { decide } from './decide';
import { InvalidFactsError } from './read-facts';
import type { Policy, PolicyBook } from './versions';

/** What a replay compares of a decision: the answer, not its wording. */
export interface DecisionGist {
  outcome: string;
  refundAmount: number | null;
  currency: string;
  clauses: readonly string[];
  policyVersion: string;
  policyRevision: string;
}

/** A stored case as replay sees it: facts, and its latest recorded decision if any. */
export interface StoredCase {
  ref: string;
  facts: Facts;
  /** The case's last change (ms): the instant an undecided case without requestedAt is judged at. */
  updatedAt: number;
  recorded: (Omit<DecisionGist, 'clauses'> & { clausesJson: string; requestedAt: string }) | null;
}

export type ReplayResult =
  | { ref: string; change: 'none' }
  | { ref: string; change: 'changed'; before: DecisionGist; after: DecisionGist }
  /** The stored facts are invalid under today's checks (say, a currency no longer accepted). */
  | { ref: string; change: 'invalid'; field: string; problem: string };

const gist = (decision: Decision): DecisionGist => ({
  outcome: decision.outcome,
  refundAmount: decision.refundAmount,
  currency: decision.currency,
  clauses: decision.clauses,
  policyVersion: decision.policyVersion,
  policyRevision: decision.policyRevision,
});

/**
 * Judges a stored case again under `policy` and says whether its outcome, amount or clauses
 * change. The case is judged at its own requestedAt, else at the instant its recorded decision
 * was judged at, else at its last change; "before" is the recorded decision, or for an
 * undecided case what the rule book in force gives today. Nothing is written anywhere.
 */
export function replayCase(
  stored: StoredCase,
  policy: Policy | PolicyBook,
  baseline?: PolicyBook,
): ReplayResult {
  const { ref, facts, recorded } = stored;
  const now = recorded === null ? stored.updatedAt : Date.parse(recorded.requestedAt);
  let after: Decision;
  let before: Decision | null = null;
  try {
    after = decide(facts, { now, policy });
    if (recorded === null)
      before = decide(facts, baseline === undefined ? { now } : { now, policy: baseline });
  } catch (error) {
    if (error instanceof InvalidFactsError)
      return { ref, change: 'invalid', field: error.field, problem: error.problem };
    throw error;
  }
  if (before !== null) {
    const same =
      before.outcome === after.outcome &&
      before.refundAmount === after.refundAmount &&
      sameClauses(before.clauses, after.clauses);
    return same
      ? { ref, change: 'none' }
      : { ref, change: 'changed', before: gist(before), after: gist(after) };
  }
  const record = recorded!;
  const afterClauses = JSON.stringify(after.clauses);
  if (
    record.outcome === after.outcome &&
    record.refundAmount === after.refundAmount &&
    record.clausesJson === afterClauses
  ) {
    return { ref, change: 'none' };
  }
  return {
    ref,
    change: 'changed',
    before: {
      outcome: record.outcome,
      refundAmount: record.refundAmount,
      currency: record.currency,
      clauses: JSON.parse(record.clausesJson) as string[],
      policyVersion: record.policyVersion,
      policyRevision: record.policyRevision,
    },
    after: gist(after),
  };
}

function sameClauses(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((clause, index) => clause === b[index]);
}
