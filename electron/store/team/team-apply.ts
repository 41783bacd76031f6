import { NewCaseSchema } from '../../../shared/model/case';
import { knowsEventKind, type TeamEventKind } from '../../../shared/model/team-event';
import { describeFirstIssue } from '../../../shared/model/issues';
import {
  applyApprovalAnswer,
  caseRowById,
  insertCaseRow,
  newCaseKey,
  previewDeadline,
  TEAM_COLUMNS,
  toNewCaseRow,
  writeCaseValues,
} from '../cases';
import {
  addToCount,
  appendAudit,
  type CaseRow,
  type CaseStore,
  clearCapturedStates,
  type FieldChange,
  formatRef,
  InvalidInputError,
  markDecisionOrdered,
  mergeFieldChanges,
  moveCount,
  whileApplyingRemote,
} from '../core';
import { MIN_RUN, applyCreationRun, creationRunAt, isStoreTrouble } from './team-apply-creations';
import { appendMessage, appendReply, takeUsageExport } from './team-apply-records';
import { openConflicts, settleField } from './team-conflicts';
import { appendDecision } from './team-decisions';
import type { Applied, ApplyOptions, PulledEvent } from './pulled-event';
import { forgetHeld, holdEvent } from './team-held';
import { forgetRejected } from './team-rejected';

type Row = Record<string, unknown>;

/**
 * Applies pulled events in the server's order. Each event is one unit (a savepoint) with its
 * audit row; the batch commits together with the cursor, so a desktop killed half-way has
 * either all of a batch or none of it, resumes where it stood, and never applies an event
 * twice: every applied id is kept. An event this desktop cannot apply (it fails the schema
 * or names a case never received) is set aside as rejected, with the reason, instead of
 * stopping every later event behind it. One transaction per batch rather than per event:
 * a commit waits for the disk, and 100k of those would make catching up take minutes. Long
 * runs of new cases are written as one unit (team-apply-creations.ts).
 */
export function applyTeamEvents(
  store: CaseStore,
  events: readonly PulledEvent[],
  options: ApplyOptions = {},
): Applied[] {
  return store.write(() =>
    whileApplyingRemote(store, () => {
      // Events set aside earlier, tried again (team-rejected.ts): forgotten in the same
      // transaction that applies them or sets them aside anew.
      if (options.again === true) {
        forgetRejected(store, events);
        forgetHeld(store, events);
      }
      const applyOne = (event: PulledEvent) => applyKnown(store, event, options.knownKinds);
      const results: Applied[] = [];
      for (let next = 0; next < events.length;) {
        const run = creationRunAt(events, next);
        if (run.length >= MIN_RUN) {
          results.push(...applyCreationRun(store, run, applyOne));
          next += run.length;
        } else {
          results.push(applyOne(events[next]!));
          next++;
        }
      }
      const last = events.at(-1);
      if (last !== undefined) {
        store
          .sql("UPDATE team_sync SET value = max(CAST(value AS INTEGER), ?) WHERE key = 'cursor'")
          .run(last.seq);
      }
      return results;
    }),
  );
}

/** One event of a kind this release knows; any other is held, not applied nor marked applied. */
function applyKnown(store: CaseStore, event: PulledEvent, knownKinds?: readonly string[]): Applied {
  if (!knowsEventKind(event.kind, knownKinds)) {
    if (store.sql('SELECT 1 FROM team_applied WHERE event_id = ?').get(event.id) !== undefined)
      return { kind: 'duplicate' };
    holdEvent(store, event);
    return { kind: 'held', eventKind: event.kind };
  }
  return applyOne(store, event);
}

function applyOne(store: CaseStore, event: PulledEvent): Applied {
  if (store.sql('INSERT OR IGNORE INTO team_applied (event_id) VALUES (?)').run(event.id).changes === 0) {
    return { kind: 'duplicate' };
  }
  try {
    return store.db.transaction(() => {
      // Each event's audit row records the case as the previous event left it.
      clearCapturedStates(store);
      return applyInside(store, event);
    })();
  } catch (error) {
    if (isStoreTrouble(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    store
      .sql('INSERT INTO team_rejected (event_id, seq, kind, reason, at) VALUES (?, ?, ?, ?, ?)')
      .run(event.id, event.seq, event.kind, reason, store.now());
    return { kind: 'rejected', reason };
  }
}

/** The last server event applied here (0 before the first). */
export function teamCursor(store: CaseStore): number {
  const value = store.sql("SELECT value FROM team_sync WHERE key = 'cursor'").pluck().get() as
    string | undefined;
  return Number(value ?? 0);
}

function applyInside(store: CaseStore, event: PulledEvent): Applied {
  if (store.sql('SELECT 1 FROM team_outbox WHERE event_id = ?').get(event.id) !== undefined) {
    markDecisionOrdered(store, event.id, event.seq);
    return { kind: 'own' };
  }
  const caseId = store
    .sql('SELECT case_id FROM team_case_keys WHERE case_key = ?')
    .pluck()
    .get(event.caseKey) as number | undefined;
  const team = { eventId: event.id, desktopId: event.desktopId, pushedBy: event.pushedBy };
  if (event.kind === 'case.create') {
    if (caseId !== undefined) return { kind: 'duplicate' };
    return createFromTeam(store, event, team);
  }
  if (caseId === undefined) {
    throw new InvalidInputError(
      `team event ${event.id} (${event.kind}) is about a case this desktop never received`,
    );
  }
  return applyToCase(store, event.kind as Exclude<TeamEventKind, 'case.create'>, caseId, event, team);
}

/** Every kind but a case's creation, one branch each: a kind added to TEAM_EVENT_KINDS must get one. */
function applyToCase(
  store: CaseStore,
  kind: Exclude<TeamEventKind, 'case.create'>,
  caseId: number,
  event: PulledEvent,
  team: Row,
): Applied {
  switch (kind) {
    case 'approval.grant':
    case 'approval.refuse':
      return { kind: 'applied', ref: applyApprovalAnswer(store, event, team), conflicts: 0 };
    case 'decision.record':
      return appendDecision(store, caseId, event, team);
    case 'note.add':
      return appendNote(store, caseId, event, team);
    case 'reply.sent':
      return appendReply(store, caseId, event, team);
    case 'usage.export':
      return takeUsageExport(store, caseId, event, team);
    case 'message.add':
      // An earlier release sent only the event's name: the message never travelled.
      if (event.body.message !== undefined) return appendMessage(store, caseId, event, team);
      return mergeCaseChange(store, caseId, formatRef(caseId), event, team);
    case 'case.facts':
    case 'case.fields':
    case 'case.status':
    case 'case.assign':
    case 'claim.lost':
    case 'conflict.resolve':
      return mergeCaseChange(store, caseId, formatRef(caseId), event, team);
    default: {
      const unhandled: never = kind;
      throw new InvalidInputError(`team event ${event.id}: kind ${String(unhandled)} has no apply here`);
    }
  }
}

function createFromTeam(store: CaseStore, event: PulledEvent, team: Row): Applied {
  const parsed = NewCaseSchema.safeParse(event.body.case);
  if (!parsed.success) {
    const issue = describeFirstIssue(parsed.error, 'case');
    throw new InvalidInputError(`team event ${event.id}: ${issue.field}: ${issue.message}`);
  }
  const row = toNewCaseRow(parsed.data);
  const id = insertCaseRow(store, row, previewDeadline(parsed.data.facts, store.now()));
  addToCount(store, newCaseKey(row), 1);
  store.sql('INSERT INTO team_case_keys (case_id, case_key) VALUES (?, ?)').run(id, event.caseKey);
  const ref = formatRef(id);
  const status = event.body.status;
  if (typeof status === 'string' && status !== 'open') {
    store.sql('UPDATE cases SET status = ? WHERE id = ?').run(status, id);
    moveCount(store, { ...newCaseKey(row) }, { ...newCaseKey(row), status: status as CaseRow['status'] });
  }
  appendAudit(store, {
    caseRef: ref,
    action: 'case.create',
    actor: event.actor,
    detail: { ...parsed.data, team },
  });
  return { kind: 'applied', ref, conflicts: 0 };
}

function appendNote(store: CaseStore, caseId: number, event: PulledEvent, team: Row): Applied {
  const note = event.body.note as Row;
  const { lastInsertRowid } = store
    .sql('INSERT INTO notes (case_id, author, body, created_at) VALUES (?, ?, ?, ?)')
    .run(caseId, event.actor, note.body, note.created_at);
  // Nothing but the revision, the time and the search entry (which holds notes) changes.
  writeCaseValues(store, caseRowById(store, caseId), {}, {});
  const ref = formatRef(caseId);
  appendAudit(store, {
    caseRef: ref,
    action: 'note.add',
    actor: event.actor,
    detail: { noteId: Number(lastInsertRowid), body: note.body, team },
  });
  return { kind: 'applied', ref, conflicts: 0 };
}

function mergeCaseChange(
  store: CaseStore,
  caseId: number,
  ref: string,
  event: PulledEvent,
  team: Row,
): Applied {
  // A choice made in a conflict sets the value here too, whatever this desktop holds.
  const resolve = event.body.resolve as { field: string; value?: unknown } | undefined;
  if (resolve !== undefined) settleField(store, caseId, resolve.field, resolve.value, event.actor);
  const row = caseRowById(store, caseId);
  const localFields = Object.fromEntries(
    Object.entries(TEAM_COLUMNS).map(([name, column]) => [name, row[column]]),
  );
  const localFacts = JSON.parse(row.facts) as Row;
  const { assignee, ...others } = (event.body.fields ?? {}) as Record<string, FieldChange>;
  const changes = event.claim?.granted === false || assignee === undefined ? others : { ...others, assignee };
  const fields = mergeFieldChanges(localFields, changes);
  const facts = mergeFieldChanges(localFacts, (event.body.facts ?? {}) as Record<string, FieldChange>);
  writeCaseValues(store, row, fields.apply, facts.apply);
  const conflicts = [
    ...fields.conflicts,
    ...facts.conflicts.map((conflict) => ({ ...conflict, field: `facts.${conflict.field}` })),
  ];
  openConflicts(store, caseId, conflicts, event);
  appendAudit(store, {
    caseRef: ref,
    action: 'team.apply',
    actor: event.actor,
    detail: {
      change: event.body.action ?? event.kind,
      fields: Object.keys(fields.apply),
      facts: Object.keys(facts.apply),
      conflicts: conflicts.map((c) => c.field),
      team,
    },
  });
  return { kind: 'applied', ref, conflicts: conflicts.length };
}
