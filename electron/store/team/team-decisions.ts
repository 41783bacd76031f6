import type { AuditEntry } from '../../../shared/model/case';
import type { Decision, Outcome } from '../../../shared/model/decision';
import type { Facts } from '../../../shared/model/facts';
import {
  approvalNeeded,
  type ApprovalWhy,
  caseRowById,
  type DecisionValues,
  insertDecision,
  keepCaseWhileWaiting,
  requestApproval,
  statusAfterDecision,
  takeDecision,
  teamMember,
} from '../cases';
import {
  appendAudit,
  type CaseRow,
  type CaseStore,
  DECISION_SELECT,
  type FieldChange,
  formatRef,
  latestTravelledDecision,
  orderedDecision,
  rememberDecisionEvent,
} from '../core';
import type { Applied, PulledEvent } from './pulled-event';
import { DECISION_FIELD, type OpenConflict, openConflicts } from './team-conflicts';

// One current decision per case in a team. A decision event names the decision its desktop
// had as the case's latest (`after`). One that names the case's current decision in the
// server's order is made on top of it and becomes current; any other was made without seeing
// it, comes later in the server's order, and leaves the current one as it is. Either way both
// are kept in a conflict on the case (field `decision`), the same on every desktop, until an
// agent settles it; nothing is decided on the case meanwhile.

type Row = Record<string, unknown>;

/** One side of a decision conflict: what it says, and the decision whole to record it again. */
interface DecisionSide {
  eventId: string | null;
  agent: string;
  recordedOutcome: Outcome;
  decidedAt: number;
  row: Row;
}

const sideOf = (eventId: string | null, row: Row): DecisionSide => ({
  eventId,
  agent: row.agent as string,
  recordedOutcome: row.recorded_outcome as Outcome,
  decidedAt: row.decided_at as number,
  row,
});

/** The case's latest decision here (its current one, or the one waiting for a lead). */
function latestSide(store: CaseStore, caseId: number): DecisionSide | null {
  const row = store.sql(`${DECISION_SELECT} WHERE case_id = ? ORDER BY id DESC LIMIT 1`).get(caseId) as
    Row | undefined;
  if (row === undefined) return null;
  const eventId = store
    .sql('SELECT event_id FROM team_decisions WHERE decision_id = ?')
    .pluck()
    .get(row.id) as string | undefined;
  return sideOf(eventId ?? null, row);
}

const valuesOf = (row: Row, agent: string): DecisionValues => ({
  recordedOutcome: row.recorded_outcome as Outcome,
  overrideJustification: (row.override_justification as string | null) ?? null,
  // Absent from a desktop of an earlier release: it counts as that release did.
  overrideAmount: (row.override_amount as number | null | undefined) ?? null,
  decision: row.decision as string,
  facts: row.facts as string,
  agent,
  note: (row.note as string | null) ?? null,
  decidedAt: row.decided_at as number,
});

/** A decision another desktop recorded, applied inside team-apply's savepoint. */
export function appendDecision(store: CaseStore, caseId: number, event: PulledEvent, team: Row): Applied {
  const decided = event.body.decision as Row;
  // The server's stamp (the login's member), never the name the body gives.
  const side = sideOf(event.id, { ...decided, agent: event.actor });
  const ref = formatRef(caseId);
  // Absent from an earlier release's event: taken as made on top of the current decision.
  const after = event.body.after as string | null | undefined;
  if (after !== undefined && after !== (orderedDecision(store, caseId)?.eventId ?? null)) {
    openConflicts(
      store,
      caseId,
      [{ field: DECISION_FIELD, base: after, local: latestSide(store, caseId), remote: side }],
      event,
    );
    appendAudit(store, {
      caseRef: ref,
      action: 'team.apply',
      actor: event.actor,
      detail: { change: event.kind, fields: [], facts: [], conflicts: [DECISION_FIELD], team },
    });
    return { kind: 'applied', ref, conflicts: 1 };
  }
  // A decision made here that the server has not ordered yet comes after this one: concurrent.
  const pending = latestTravelledDecision(store, caseId)?.seq === null ? latestSide(store, caseId) : null;
  const row = caseRowById(store, caseId);
  const values = valuesOf(decided, event.actor);
  const decisionId = insertDecision(store, caseId, values);
  rememberDecisionEvent(store, { decisionId, eventId: event.id, seq: event.seq });
  // Waiting for a lead on the desktop that made it, so waiting here too: the case stays as it was.
  const approval = event.body.approval as ({ key: string } & ApprovalWhy) | undefined;
  if (approval !== undefined) {
    const { key, override, threshold } = approval;
    requestApproval(store, {
      decisionId,
      caseId,
      why: { override, threshold },
      key,
      pushedBy: event.pushedBy,
    });
    keepCaseWhileWaiting(store, caseId);
  } else {
    // The case follows the decided one's fields as that desktop set them (status, deadline).
    const fields = (event.body.fields ?? {}) as Record<string, FieldChange>;
    takeDecision(store, row, values, (fields.status?.to as CaseRow['status'] | undefined) ?? row.status);
  }
  if (pending !== null)
    openConflicts(
      store,
      caseId,
      [{ field: DECISION_FIELD, base: after ?? null, local: side, remote: pending }],
      event,
    );
  appendAudit(store, {
    caseRef: ref,
    action: 'decision.record',
    actor: event.actor,
    detail: {
      decisionId,
      recordedOutcome: values.recordedOutcome,
      ...(approval === undefined ? {} : { approval }),
      team,
    },
  });
  return { kind: 'applied', ref, conflicts: pending === null ? 0 : 1 };
}

/**
 * An agent's choice between two concurrent decisions (call inside a write, before the
 * conflict is closed). Keeping the current one changes nothing; choosing the other records it
 * again, as this agent's decision on top of the current one, so it travels and is checked as
 * any decision is and becomes current everywhere.
 */
export function chooseDecision(
  store: CaseStore,
  ref: string,
  caseId: number,
  conflict: OpenConflict,
  keep: 'local' | 'remote',
  actor: string,
): AuditEntry[] {
  const chosen = (keep === 'local' ? conflict.local : conflict.remote) as DecisionSide | null | undefined;
  if (chosen === null || chosen === undefined || chosen.eventId === latestSide(store, caseId)?.eventId)
    return [];
  const values = { ...valuesOf(chosen.row, actor), decidedAt: store.now() };
  const rules = JSON.parse(values.decision) as Decision;
  const decisionId = insertDecision(store, caseId, values);
  const why = approvalNeeded(store, {
    decision: rules,
    recordedOutcome: values.recordedOutcome,
    overrideAmount: values.overrideAmount,
    facts: JSON.parse(values.facts) as Facts,
  });
  const approval =
    why === null
      ? null
      : {
          key: requestApproval(store, { decisionId, caseId, why, pushedBy: teamMember(store)?.name }),
          ...why,
        };
  if (approval === null)
    takeDecision(store, caseRowById(store, caseId), values, statusAfterDecision(values.recordedOutcome));
  else keepCaseWhileWaiting(store, caseId);
  const audit = appendAudit(store, {
    caseRef: ref,
    action: 'decision.record',
    actor,
    detail: {
      decisionId,
      recordedOutcome: values.recordedOutcome,
      again: chosen.eventId,
      ...(approval === null ? {} : { approval }),
    },
  });
  return [audit];
}
