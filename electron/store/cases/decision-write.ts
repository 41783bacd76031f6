import type { CaseStatus } from '../../../shared/model/case';
import type { Outcome } from '../../../shared/model/decision';
import { type CaseRow, type CaseStore, moveCount } from '../core';

// How a decision is written, whoever made it: an agent here (decisions.ts), another desktop
// (a pulled event, team/team-decisions.ts) or an agent settling two concurrent ones. One
// function each, so a decision from the team is stored and counted as a local one is.

/** A decision as the decisions table keeps it. */
export interface DecisionValues {
  recordedOutcome: Outcome;
  overrideJustification: string | null;
  /** Minor units; null for no override (and for an override of an earlier release). */
  overrideAmount: number | null;
  /** The rules' decision, as JSON. */
  decision: string;
  /** The facts it read, as the case's JSON. */
  facts: string;
  agent: string;
  note: string | null;
  decidedAt: number;
}

/** Inserts the decision (the case is not touched); returns its id. Call inside a write. */
export function insertDecision(store: CaseStore, caseId: number, values: DecisionValues): number {
  const { lastInsertRowid } = store
    .sql(
      `INSERT INTO decisions (case_id, recorded_outcome, override_justification, override_amount,
         decision, facts, agent, note, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      caseId,
      values.recordedOutcome,
      values.overrideJustification,
      values.overrideAmount,
      values.decision,
      values.facts,
      values.agent,
      values.note,
      values.decidedAt,
    );
  return Number(lastInsertRowid);
}

/** The case takes a decision as its current one: status, outcome, deadline and when. */
export function takeDecision(
  store: CaseStore,
  row: CaseRow,
  values: Pick<DecisionValues, 'recordedOutcome' | 'decision' | 'decidedAt'>,
  status: CaseStatus,
): void {
  const { windowClosesAt } = JSON.parse(values.decision) as { windowClosesAt: string | null };
  store
    .sql(
      `UPDATE cases SET status = ?, latest_outcome = ?, window_closes_at = ?, decided_at = ?,
         updated_at = ?, revision = revision + 1 WHERE id = ?`,
    )
    .run(
      status,
      values.recordedOutcome,
      windowClosesAt === null ? null : Date.parse(windowClosesAt),
      values.decidedAt,
      store.now(),
      row.id,
    );
  moveCount(store, row, { ...row, status, latest_outcome: values.recordedOutcome });
}

/** A decision waiting for a lead leaves the case as it was but for its revision. */
export function keepCaseWhileWaiting(store: CaseStore, caseId: number): void {
  store.sql('UPDATE cases SET updated_at = ?, revision = revision + 1 WHERE id = ?').run(store.now(), caseId);
}
