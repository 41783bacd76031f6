import { counts } from '../model/approval';
import { KINDS } from '../model/catalogue';
import type { CaseDetail, DecisionRecord } from '../model/case';
import type { ActionId, ClauseId } from '../model/clause-ids';
import { refunds, type Decision, type Outcome } from '../model/decision';
import type { DecisionOfRecord } from '../model/decision-of-record';
import type { Facts } from '../model/facts';
import type { Language } from '../model/languages';
import { decide } from './decide';
import { wordingOf } from './versions';

/** The cash the customer paid: the order amount less the voucher (refund.cash-only). */
export const cashPaid = (facts: Facts): number | null =>
  facts.orderAmount === undefined ? null : Math.max(0, facts.orderAmount - (facts.voucherAmount ?? 0));

/**
 * The cash a recorded decision refunds, in minor units. The store's SQL (cashSql in
 * electron/store/figures/day-figures.ts) says the same, column for column: an override's own
 * amount; else nothing for an outcome that does not refund; else the rules' amount when they
 * refunded; else (an override recorded before overrides kept an amount) the cash paid. The
 * rules' null (needs info, not overridden) stays null here and counts 0 in the figures.
 */
export function recordedAmount(
  record: Pick<DecisionRecord, 'decision' | 'recordedOutcome' | 'override' | 'facts'>,
) {
  if (record.override !== null && record.override.amount !== null) return record.override.amount;
  if (record.override === null) return record.decision.refundAmount;
  if (!refunds(record.recordedOutcome)) return 0;
  if (refunds(record.decision.outcome)) return record.decision.refundAmount;
  return cashPaid(record.facts);
}

/**
 * What a recorded decision tells the customer. Without an override it is the rules' decision
 * as recorded. An override keeps the rules' judgement for the record, but the reply, the case
 * and the queue follow the outcome the agent recorded, so what follows from that outcome is
 * derived here: an override to a refund pays the amount the agent recorded, drops "contact the
 * provider" and keeps "return the invoice" when one was issued; an override to a refusal
 * refunds nothing and points at the provider where the kind's refusals do; an override to
 * "needs info" refunds nothing and waits for the facts the rules still miss.
 */
export function recordedDecision(record: DecisionRecord, language: Language = 'en'): Decision {
  const { decision, recordedOutcome: outcome } = record;
  if (record.override === null) return decision;
  const facts = record.facts;
  const goesToProvider = facts.productType !== undefined && KINDS[facts.productType].refusalsGoToProvider;
  let derived: Pick<Decision, 'clauses' | 'actions' | 'missing'>;
  if (refunds(outcome)) {
    const clauses: ClauseId[] = [];
    const actions: ActionId[] = decision.actions.filter((action) => action !== 'contact_provider');
    if ((facts.voucherAmount ?? 0) > 0) clauses.push('refund.cash-only');
    if (facts.invoiceIssued === true) {
      clauses.push('refund.return-invoice');
      if (!actions.includes('return_invoice')) actions.push('return_invoice');
    }
    derived = { clauses, actions, missing: [] };
  } else if (outcome === 'ineligible') {
    derived = {
      clauses: goesToProvider ? ['refund.contact-provider'] : [],
      actions: goesToProvider ? ['contact_provider'] : [],
      missing: [],
    };
  } else {
    derived = { clauses: [], actions: [], missing: decision.missing };
  }
  return {
    ...decision,
    ...derived,
    outcome,
    refundAmount: recordedAmount(record),
    reasons: derived.clauses.map((clause) => ({
      clause,
      text: wordingOf(decision).clauses[clause][language],
    })),
  };
}

/**
 * Whether a fact the decision read has changed since it was recorded. Compared as the store
 * keeps them (JSON text, which the store writes with sorted keys), so the queue's and the
 * export's SQL (`d.facts IS NOT c.facts`) give the same answer.
 */
export const isStale = (record: Pick<DecisionRecord, 'facts'>, currentFacts: Facts): boolean =>
  JSON.stringify(record.facts) !== JSON.stringify(currentFacts);

/** The decision of record (shared/model/decision-of-record.ts) of a stored decision. */
export function decisionOfRecord(
  record: DecisionRecord,
  currentFacts: Facts,
  language: Language = 'en',
): DecisionOfRecord {
  const recorded = recordedDecision(record, language);
  const { decision } = record;
  return {
    decisionId: record.id,
    outcome: recorded.outcome,
    refundAmount: recorded.refundAmount,
    currency: decision.currency,
    clauses: recorded.clauses,
    actions: recorded.actions,
    rules: { outcome: decision.outcome, refundAmount: decision.refundAmount },
    override:
      record.override === null
        ? null
        : {
            outcome: record.recordedOutcome,
            amount: recorded.refundAmount ?? 0,
            reason: record.override.justification,
            who: record.agent,
            approval: record.approval?.state ?? null,
          },
    policyVersion: decision.policyVersion,
    policyRevision: decision.policyRevision,
    decidedAt: record.decidedAt,
    stale: isStale(record, currentFacts),
  };
}

/**
 * The latest recorded decision that counts: in a team, one waiting for a lead's approval or
 * refused by one does not (shared/model/approval.ts).
 */
export const countingDecision = (detail: CaseDetail): DecisionRecord | undefined =>
  detail.decisions.filter((record) => counts(record.approval)).at(-1);

/** The decision of record of a case: its latest counting decision's, or null before one counts. */
export function caseDecisionOfRecord(detail: CaseDetail, language: Language = 'en'): DecisionOfRecord | null {
  const latest = countingDecision(detail);
  return latest === undefined ? null : decisionOfRecord(latest, detail.facts, language);
}

/** The decision of the case waiting for a lead's approval, if one is. */
export const waitingDecision = (detail: CaseDetail): DecisionRecord | undefined =>
  detail.decisions.find((record) => record.approval?.state === 'waiting');

/**
 * The decision that speaks for a case: its latest recorded one that counts (override
 * included), or before any counts what the rules say now.
 */
export function decisionOfCase(detail: CaseDetail, now: number, language: Language = 'en'): Decision {
  const latest = countingDecision(detail);
  return latest === undefined ? decide(detail.facts, { now, language }) : recordedDecision(latest, language);
}

/**
 * The latest recorded decision when it says something else than the rules say now (an
 * override, changed facts, a closed window): the decision screen shows it beside the live one.
 */
export function recordedDiffering(detail: CaseDetail, live: Decision): DecisionRecord | null {
  const latest = countingDecision(detail);
  if (latest === undefined) return null;
  const recorded = recordedDecision(latest);
  return recorded.outcome !== live.outcome || recorded.refundAmount !== live.refundAmount ? latest : null;
}

/** Why an override's amount cannot be recorded (the console and the CLI word each). */
export type OverrideAmountProblem = 'cashPaidUnknown' | 'aboveCashPaid' | 'refusalRefunds';

/**
 * The cash an override records: for a refund, the amount the agent gave or else the cash paid,
 * never more than the cash paid; for a refusal or needs-info, nothing.
 */
export function overrideAmount(
  outcome: Outcome,
  amount: number | undefined,
  facts: Facts,
): { amount: number } | { problem: OverrideAmountProblem } {
  if (!refunds(outcome))
    return amount === undefined || amount === 0 ? { amount: 0 } : { problem: 'refusalRefunds' };
  const paid = cashPaid(facts);
  if (paid === null) return { problem: 'cashPaidUnknown' };
  if (amount === undefined) return { amount: paid };
  return amount > paid ? { problem: 'aboveCashPaid' } : { amount };
}
