import type { Outcome } from '../model/decision';
import type { Facts } from '../model/facts';
import { decideAnswer, type DecisionAnswer } from './decide';
import { InvalidFactsError } from './read-facts';
import { parseInstant } from './time';
import { RULE_BOOK, type Policy, type PolicyBook } from './versions';

/** What a replay compares of a decision: the answer, not its wording. */
export interface DecisionGist {
  outcome: Outcome;
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
  recorded: RecordedGist | null;
}

/** A stored case as the store streams it: its facts still the stored JSON text. */
export interface StoredRow extends Omit<StoredCase, 'facts' | 'recorded'> {
  facts: string;
  decision: RecordedGist | null;
}

/** A recorded decision's gist as the store reads it. */
export interface RecordedGist extends Omit<DecisionGist, 'policyRevision'> {
  requestedAt: string;
  /** Null for a decision stored before revisions existed: it was made under v1. */
  policyRevision: string | null;
}

/**
 * Why a replayed case would change: a fact changed since its decision was recorded (the
 * revision it was recorded under now answers otherwise too), the replayed revision judges the
 * same facts otherwise, or both. An undecided case's change is always the revision's.
 */
export const REPLAY_CAUSES = ['facts', 'revision', 'facts_and_revision'] as const;
export type ReplayCause = (typeof REPLAY_CAUSES)[number];

export type ReplayResult =
  | { ref: string; change: 'none' }
  | { ref: string; change: 'changed'; before: DecisionGist; after: DecisionGist; cause: ReplayCause }
  /** The stored facts are invalid under today's checks (say, a currency no longer accepted). */
  | { ref: string; change: 'invalid'; field: string; problem: string };

/**
 * Judges a stored case again under `policy` and says whether its outcome, amount or clauses
 * change. The case is judged at its own requestedAt, else at the instant its recorded decision
 * was judged at, else at its last change; "before" is the recorded decision, or for an
 * undecided case what the rule book in force gives today. Nothing is written anywhere.
 */
export function replayCase(stored: StoredCase, policy: Policy | PolicyBook): ReplayResult {
  const { ref, facts, recorded } = stored;
  const now = recorded === null ? stored.updatedAt : parseInstant(recorded.requestedAt);
  let after: DecisionAnswer;
  let before: DecisionAnswer | null = null;
  try {
    after = decideAnswer(facts, { now, policy });
    // An undecided case is compared with what the book gives today; when that is the very
    // revision replayed, the answer is the same without deciding twice.
    if (recorded === null && !isBookChoice(policy, facts, now)) before = decideAnswer(facts, { now });
  } catch (error) {
    if (error instanceof InvalidFactsError) {
      return { ref, change: 'invalid', field: error.field, problem: error.problem };
    }
    throw error;
  }
  if (recorded === null) {
    if (before === null) return { ref, change: 'none' };
    return sameAnswer(before, after)
      ? { ref, change: 'none' }
      : { ref, change: 'changed', before, after, cause: 'revision' };
  }
  if (sameAnswer(recorded, after)) return { ref, change: 'none' };
  const recordedGist: DecisionGist = {
    outcome: recorded.outcome,
    refundAmount: recorded.refundAmount,
    currency: recorded.currency,
    clauses: recorded.clauses,
    policyVersion: recorded.policyVersion,
    policyRevision: recorded.policyRevision ?? 'v1',
  };
  return {
    ref,
    change: 'changed',
    before: recordedGist,
    after,
    cause: causeOf(stored, recordedGist, after, now),
  };
}

/**
 * Judged again under the revision it was recorded under, the case answers as recorded unless
 * a fact changed since; that answer differs from the replayed one only when the revisions
 * differ. Asked only of changed cases, so a replay decides twice only where it reports.
 */
function causeOf(
  stored: StoredCase,
  recorded: DecisionGist,
  after: DecisionAnswer,
  now: number,
): ReplayCause {
  const own = RULE_BOOK.find(recorded.policyRevision);
  // A revision the book no longer has cannot be asked: the change is put on the revisions.
  if (own === undefined) return 'revision';
  const underOwn = decideAnswer(stored.facts, { now, policy: own });
  const facts = !sameAnswer(recorded, underOwn);
  const revision = !sameAnswer(underOwn, after);
  return facts && revision ? 'facts_and_revision' : facts ? 'facts' : 'revision';
}

type Answer = Pick<DecisionGist, 'outcome' | 'refundAmount' | 'clauses'>;
const sameAnswer = (a: Answer, b: Answer): boolean =>
  a.outcome === b.outcome && a.refundAmount === b.refundAmount && sameClauses(a.clauses, b.clauses);

/**
 * Judges streamed stored cases again one by one, each with its result: the one replay loop
 * behind both the CLI's `replay` and the console's policy-changes screen.
 */
export function* replayRows<Row extends StoredRow>(
  rows: Iterable<Row>,
  policy: Policy | PolicyBook,
): Generator<{ row: Row; result: ReplayResult }> {
  for (const row of rows) {
    const facts = JSON.parse(row.facts) as Facts;
    const stored = { ref: row.ref, facts, updatedAt: row.updatedAt, recorded: row.decision };
    yield { row, result: replayCase(stored, policy) };
  }
}

/** Whether the book, left to choose, would judge these facts by `policy` itself. */
function isBookChoice(policy: Policy | PolicyBook, facts: Facts, now: number): boolean {
  const judgedBy = facts.paidAt ?? facts.requestedAt;
  if (policy === RULE_BOOK || RULE_BOOK.isChoiceAtEveryInstant(policy)) return true;
  return policy === RULE_BOOK.inForceAt(judgedBy === undefined ? now : parseInstant(judgedBy));
}

function sameClauses(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((clause, index) => clause === b[index]);
}
