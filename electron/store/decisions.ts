import type { CaseStatus, DecisionRecord } from '../../shared/model/case';
import type { Decision, Outcome } from '../../shared/model/decision';
import type { Facts } from '../../shared/model/facts';
import { appendAudit } from './audit';
import { iso } from './canonical';
import { decideOrReject } from './case-rules';
import { requireCase } from './rows';
import { moveCount } from './counts';
import { formatRef } from './refs';
import type { CaseStore } from './store';

export interface DecisionRequest {
  ref: string;
  agent: string;
  note?: string | undefined;
  override?: { outcome: Outcome; justification: string } | undefined;
}

interface DecisionRow {
  id: number;
  case_id: number;
  recorded_outcome: Outcome;
  override_justification: string | null;
  decision: string;
  facts: string;
  agent: string;
  note: string | null;
  decided_at: number;
}

function toRecord(row: DecisionRow): DecisionRecord {
  return {
    id: row.id,
    caseRef: formatRef(row.case_id),
    decision: JSON.parse(row.decision) as Decision,
    recordedOutcome: row.recorded_outcome,
    override: row.override_justification === null ? null : { justification: row.override_justification },
    facts: JSON.parse(row.facts) as Facts,
    agent: row.agent,
    note: row.note,
    decidedAt: iso(row.decided_at),
  };
}

export function listDecisions(store: CaseStore, caseId: number): DecisionRecord[] {
  const rows = store
    .sql('SELECT * FROM decisions WHERE case_id = ? ORDER BY id')
    .all(caseId) as DecisionRow[];
  return rows.map(toRecord);
}

/**
 * A decision that waits on the customer (facts to supply, or steps to take before the window
 * closes) keeps the case in the agent's open work; any other decision settles it.
 */
function statusAfter(outcome: Outcome): CaseStatus {
  return outcome === 'needs_info' || outcome === 'conditional' ? 'pending_customer' : 'decided';
}

/**
 * Decides from the stored facts at the store's clock (a requestedAt in the facts wins, as
 * decide() does), never from an outcome a client sends. An override asking for the outcome
 * the rules gave anyway is no override and is stored as a plain decision.
 */
export function recordDecision(store: CaseStore, request: DecisionRequest): DecisionRecord {
  const id = store.write(() => {
    const row = requireCase(store, request.ref);
    const now = store.now();
    const facts = JSON.parse(row.facts) as Facts;
    const decision = decideOrReject(facts, now);
    const override =
      request.override !== undefined && request.override.outcome !== decision.outcome
        ? request.override
        : undefined;
    const recordedOutcome = override?.outcome ?? decision.outcome;
    const { lastInsertRowid } = store
      .sql(
        `INSERT INTO decisions (case_id, recorded_outcome, override_justification, decision, facts,
           agent, note, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        recordedOutcome,
        override?.justification ?? null,
        JSON.stringify(decision),
        row.facts,
        request.agent,
        request.note ?? null,
        now,
      );
    const windowClosesAt = decision.windowClosesAt === null ? null : Date.parse(decision.windowClosesAt);
    const status = statusAfter(recordedOutcome);
    store
      .sql(
        `UPDATE cases SET status = ?, latest_outcome = ?, window_closes_at = ?, decided_at = ?,
           updated_at = ? WHERE id = ?`,
      )
      .run(status, recordedOutcome, windowClosesAt, now, now, row.id);
    moveCount(store, row, { ...row, status, latest_outcome: recordedOutcome });
    appendAudit(store, {
      caseRef: request.ref,
      action: 'decision.record',
      actor: request.agent,
      detail: {
        decisionId: Number(lastInsertRowid),
        outcome: decision.outcome,
        recordedOutcome,
        override: override ?? null,
        refundAmount: decision.refundAmount,
        currency: decision.currency,
        clauses: decision.clauses,
        policyVersion: decision.policyVersion,
        note: request.note ?? null,
      },
    });
    return Number(lastInsertRowid);
  });
  return toRecord(store.sql('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow);
}
