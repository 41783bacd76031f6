import type { CaseChange } from '../../../shared/model/case';
import { refunds, type Decision, type Outcome } from '../../../shared/model/decision';
import type { Facts } from '../../../shared/model/facts';
import { formatMoney } from '../../../shared/model/money';
import { cashPaid, overrideAmount, type OverrideAmountProblem } from '../../../shared/policy/recorded';
import { formatInPolicyZone } from '../../../shared/policy/time';
import { teamMember } from './approval-reads';
import { approvalNeeded, requestApproval } from './approvals';
import { type CaseRow, type CaseStore, ConflictError, InvalidInputError } from '../core';
import { type DecisionValues, insertDecision, keepCaseWhileWaiting, takeDecision } from './decision-write';
import { decideOrReject, statusAfterDecision } from './case-rules';
import { otherRefundsOfOrder } from './related';
import { writeCase } from './write-case';

/** The decision as the agent saw it in the live panel: what they mean to record. */
export interface SeenDecision {
  outcome: Outcome;
  refundAmount: number | null;
}

export interface DecisionRequest {
  ref: string;
  agent: string;
  note?: string | undefined;
  /** `amount` in minor units; absent: the cash paid for a refund, nothing for a refusal. */
  override?: { outcome: Outcome; justification: string; amount?: number | undefined } | undefined;
  /** The case revision the agent decided on; absent only for the store's own callers. */
  revision?: number | undefined;
  /** Absent only for the store's own callers, like `revision`. */
  seen?: SeenDecision | undefined;
  /** Why a refund is recorded although another case already refunds the same order. */
  duplicateRefund?: { justification: string } | undefined;
}

/**
 * One order is refunded once: a refund recorded on another case of the same order refuses
 * this one, unless the agent says why it is right (a second, separate payment, say).
 */
function requireSingleRefund(store: CaseStore, row: CaseRow, outcome: Outcome, request: DecisionRequest) {
  if (!refunds(outcome) || request.duplicateRefund !== undefined) return;
  const others = otherRefundsOfOrder(store, row.order_id, row.id);
  if (others.length === 0) return;
  throw new ConflictError(
    `${request.ref}: order ${row.order_id} already has a refund recorded on ${others.join(', ')}. ` +
      'Nothing was recorded; give a reason to record a second refund for the same order.',
  );
}

const AMOUNT_PROBLEMS: Record<OverrideAmountProblem, (paid: string) => string> = {
  cashPaidUnknown: () => 'the order amount is not known, so no refund amount can be recorded; add it first',
  aboveCashPaid: (paid) => `an override refunds at most the cash paid (${paid})`,
  refusalRefunds: () => 'an override to a refusal or to needs-info refunds nothing',
};

/** The cash an override records, or why it cannot (shared/policy/recorded.ts overrideAmount). */
function requireOverrideAmount(
  ref: string,
  override: NonNullable<DecisionRequest['override']>,
  facts: Facts,
  currency: string,
) {
  const resolved = overrideAmount(override.outcome, override.amount, facts);
  if ('amount' in resolved) return resolved.amount;
  const paid = cashPaid(facts);
  const problem = AMOUNT_PROBLEMS[resolved.problem](
    paid === null ? '' : formatMoney({ amount: paid, currency }),
  );
  throw new InvalidInputError(`${ref}: override amount: ${problem}. Nothing was recorded.`);
}

const describe = (outcome: Outcome, amount: number | null, currency: string) =>
  amount === null ? outcome : `${outcome}, ${formatMoney({ amount, currency })}`;

/**
 * The store decides again at its own clock; when that is not what the agent saw (the window
 * closed meanwhile, say), recording it would file a decision nobody looked at.
 */
function requireSeen(ref: string, decision: Decision, seen: SeenDecision | undefined, now: number): void {
  if (seen === undefined) return;
  if (seen.outcome === decision.outcome && seen.refundAmount === decision.refundAmount) return;
  const closes =
    decision.windowClosesAt === null
      ? ''
      : `; the refund window closes at ${formatInPolicyZone(Date.parse(decision.windowClosesAt))}`;
  throw new ConflictError(
    `${ref}: at ${formatInPolicyZone(now)} the rules give ` +
      `${describe(decision.outcome, decision.refundAmount, decision.currency)}, not the ` +
      `${describe(seen.outcome, seen.refundAmount, decision.currency)} shown${closes}. ` +
      'Nothing was recorded; check the case and record again.',
  );
}

/**
 * Decides from the stored facts at the store's clock (a requestedAt in the facts wins, as
 * decide() does), never from an outcome a client sends; what the client saw is only checked
 * against it. An override asking for the outcome the rules gave anyway is no override and is
 * stored as a plain decision.
 */
export function recordDecision(store: CaseStore, request: DecisionRequest): CaseChange {
  const guards = { revision: request.revision, conflicts: 'any', waiting: 'deciding it again' } as const;
  return writeCase(store, request.ref, guards, (row) => {
    const now = store.now();
    const facts = JSON.parse(row.facts) as Facts;
    // Every recorded decision keeps its trace, so "Why" can be shown and reported later.
    const decision = decideOrReject(facts, now, true);
    requireSeen(request.ref, decision, request.seen, now);
    const override =
      request.override !== undefined && request.override.outcome !== decision.outcome
        ? request.override
        : undefined;
    const recordedOutcome = override?.outcome ?? decision.outcome;
    const amount =
      override === undefined ? null : requireOverrideAmount(request.ref, override, facts, decision.currency);
    requireSingleRefund(store, row, recordedOutcome, request);
    const values: DecisionValues = {
      recordedOutcome,
      overrideJustification: override?.justification ?? null,
      overrideAmount: amount,
      decision: JSON.stringify(decision),
      facts: row.facts,
      agent: request.agent,
      note: request.note ?? null,
      decidedAt: now,
    };
    const decisionId = insertDecision(store, row.id, values);
    const why = approvalNeeded(store, { decision, recordedOutcome, overrideAmount: amount, facts });
    // A decision waiting for a lead leaves the case as it was: it counts once granted.
    const approval =
      why === null
        ? null
        : {
            key: requestApproval(store, {
              decisionId,
              caseId: row.id,
              why,
              pushedBy: teamMember(store)?.name,
            }),
            ...why,
          };
    if (approval === null) takeDecision(store, row, values, statusAfterDecision(recordedOutcome));
    else keepCaseWhileWaiting(store, row.id);
    return {
      action: 'decision.record',
      actor: request.agent,
      detail: {
        decisionId,
        outcome: decision.outcome,
        recordedOutcome,
        override: override === undefined ? null : { ...override, amount },
        refundAmount: decision.refundAmount,
        recordedAmount: amount ?? decision.refundAmount,
        currency: decision.currency,
        clauses: decision.clauses,
        policyVersion: decision.policyVersion,
        policyRevision: decision.policyRevision,
        note: request.note ?? null,
        ...(request.duplicateRefund === undefined ? {} : { duplicateRefund: request.duplicateRefund }),
        ...(approval === null ? {} : { approval }),
      },
    };
  });
}
