import { counts } from '../model/approval';
import { KINDS } from '../model/catalogue';
import type { CaseDetail, DecisionRecord } from '../model/case';
import type { ActionId, ClauseId } from '../model/clause-ids';
import type { Decision } from '../model/decision';
import type { Language } from '../model/languages';
import { CLAUSE_TEXTS } from './clauses';
import { decide } from './decide';

/**
 * What a recorded decision tells the customer. Without an override it is the rules' decision
 * as recorded. An override keeps the rules' judgement for the record, but the reply, the case
 * and the queue follow the outcome the agent recorded, so what follows from that outcome is
 * derived here: an override to a refund pays the cash paid (refund.cash-only), an override to
 * a refusal refunds nothing and points at the provider where the kind's refusals do, an
 * override to "needs info" waits for the facts the rules still miss.
 */
export function recordedDecision(record: DecisionRecord, language: Language = 'en'): Decision {
  const { decision, recordedOutcome: outcome } = record;
  if (record.override === null || outcome === decision.outcome) return decision;
  const facts = record.facts;
  const voucher = facts.voucherAmount ?? 0;
  const goesToProvider = facts.productType !== undefined && KINDS[facts.productType].refusalsGoToProvider;
  let derived: Pick<Decision, 'refundAmount' | 'clauses' | 'actions' | 'missing'>;
  if (outcome === 'eligible' || outcome === 'conditional') {
    const clauses: ClauseId[] = [];
    const actions: ActionId[] = decision.actions.filter((action) => action !== 'contact_provider');
    if (voucher > 0) clauses.push('refund.cash-only');
    if (facts.invoiceIssued === true) {
      clauses.push('refund.return-invoice');
      if (!actions.includes('return_invoice')) actions.push('return_invoice');
    }
    derived = {
      refundAmount: facts.orderAmount === undefined ? null : facts.orderAmount - voucher,
      clauses,
      actions,
      missing: [],
    };
  } else if (outcome === 'ineligible') {
    derived = {
      refundAmount: 0,
      clauses: goesToProvider ? ['refund.contact-provider'] : [],
      actions: goesToProvider ? ['contact_provider'] : [],
      missing: [],
    };
  } else {
    derived = { refundAmount: null, clauses: [], actions: [], missing: decision.missing };
  }
  return {
    ...decision,
    ...derived,
    outcome,
    reasons: derived.clauses.map((clause) => ({ clause, text: CLAUSE_TEXTS[clause][language] })),
  };
}

/**
 * The latest recorded decision that counts: in a team, one waiting for a lead's approval or
 * refused by one does not (shared/model/approval.ts).
 */
export const countingDecision = (detail: CaseDetail): DecisionRecord | undefined =>
  detail.decisions.filter((record) => counts(record.approval)).at(-1);

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
