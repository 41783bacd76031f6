import type { CaseStatus } from '../../../shared/model/case';
import type { Decision, Outcome } from '../../../shared/model/decision';
import { FactsSchema, type Facts } from '../../../shared/model/facts';
import { describeFirstIssue } from '../../../shared/model/issues';
import { decide, decideWindowCloses, InvalidFactsError } from '../../../shared/policy';
import { InvalidInputError } from '../core';

/**
 * decide() on facts that already passed FactsSchema (the API and imports parse first): it
 * runs the rules' own consistency checks, so an InvalidFactsError here is the caller's
 * input, never a bug.
 */
export function decideOrReject(facts: Facts, now: number, trace = false): Decision {
  try {
    return decide(facts, { now, trace });
  } catch (error) {
    if (error instanceof InvalidFactsError) throw new InvalidInputError(`facts.${error.message}`);
    throw error;
  }
}

/**
 * Until a decision is recorded, the queue sorts a case by the deadline the rules give at
 * the time of the last change, so a new case with a closing window rises like a decided
 * one. Once decided, the columns follow the latest recorded decision only.
 */
export function previewDeadline(facts: Facts, now: number): number | null {
  try {
    return decideWindowCloses(facts, { now });
  } catch (error) {
    if (error instanceof InvalidFactsError) throw new InvalidInputError(`facts.${error.message}`);
    throw error;
  }
}

/**
 * The store refuses implausible facts itself (a payment in year 1, an order of 90 trillion),
 * not only the API and the forms before it: a caller of the store's face gets the same answer.
 */
export function requirePlausibleFacts(facts: Facts): void {
  const parsed = FactsSchema.safeParse(facts);
  if (parsed.success) return;
  const { field, message } = describeFirstIssue(parsed.error, 'facts');
  throw new InvalidInputError(`facts.${field}: ${message}`);
}

/**
 * A decision that waits on the customer (facts to supply, or steps to take before the window
 * closes) keeps the case in the agent's open work; any other decision settles it.
 */
export function statusAfterDecision(outcome: Outcome): CaseStatus {
  return outcome === 'needs_info' || outcome === 'conditional' ? 'pending_customer' : 'decided';
}
