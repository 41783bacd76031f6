import type { CaseStore } from './store';

// Which team event each decision travelled as, and where the server put it (see migration
// 019-team-events). A decision's event names the case's decision its desktop had as latest
// (`after`): one that names another than the case's current one was made without seeing it.

export interface TravelledDecision {
  decisionId: number;
  eventId: string;
  /** The server's order; null while this desktop's own has not come back from a pull. */
  seq: number | null;
}

const LATEST = `SELECT t.decision_id AS decisionId, t.event_id AS eventId, t.seq FROM team_decisions t
  JOIN decisions d ON d.id = t.decision_id WHERE d.case_id = ?`;

/** The team event of the case's latest decision before `decisionId`; null when none travelled. */
export function decisionEventBefore(store: CaseStore, caseId: number, decisionId: number): string | null {
  const row = store
    .sql(`${LATEST} AND t.decision_id < ? ORDER BY t.decision_id DESC LIMIT 1`)
    .get(caseId, decisionId) as TravelledDecision | undefined;
  return row?.eventId ?? null;
}

/** The case's latest decision that travelled, as this desktop has it (its own unsent one included). */
export function latestTravelledDecision(store: CaseStore, caseId: number): TravelledDecision | null {
  const row = store.sql(`${LATEST} ORDER BY t.decision_id DESC LIMIT 1`).get(caseId) as
    TravelledDecision | undefined;
  return row ?? null;
}

/** The case's current decision in the server's order: the latest one the server has ordered. */
export function orderedDecision(store: CaseStore, caseId: number): TravelledDecision | null {
  const row = store.sql(`${LATEST} AND t.seq IS NOT NULL ORDER BY t.decision_id DESC LIMIT 1`).get(caseId) as
    TravelledDecision | undefined;
  return row ?? null;
}

export function rememberDecisionEvent(store: CaseStore, decision: TravelledDecision): void {
  store
    .sql('INSERT INTO team_decisions (decision_id, event_id, seq) VALUES (?, ?, ?)')
    .run(decision.decisionId, decision.eventId, decision.seq);
}

/** This desktop's own event came back from the server: its decision (if it is one) is ordered now. */
export function markDecisionOrdered(store: CaseStore, eventId: string, seq: number): void {
  store.sql('UPDATE team_decisions SET seq = ? WHERE event_id = ? AND seq IS NULL').run(seq, eventId);
}
