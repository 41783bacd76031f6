import { NewCaseSchema } from '../../shared/model/case';
import type { Facts } from '../../shared/model/facts';
import { describeFirstIssue } from '../../shared/model/issues';
import { appendAudit } from './audit';
import { clearCapturedStates } from './audit-state';
import { previewDeadline } from './case-rules';
import { insertCaseRow, newCaseKey, toNewCaseRow } from './cases';
import { addToCount, moveCount } from './counts';
import { ConflictError, InvalidInputError } from './errors';
import { formatRef } from './refs';
import type { CaseRow } from './rows';
import { indexCase } from './search';
import type { CaseStore } from './store';
import { mergeFieldChanges, type FieldChange } from './team-merge';
import { whileApplyingRemote } from './team-outbox';

type Row = Record<string, unknown>;

/** An event as the team server ordered it (see electron/team). */
export interface PulledEvent {
  seq: number;
  id: string;
  desktopId: string;
  caseKey: string;
  kind: string;
  actor: string;
  body: Row;
  pushedBy: string;
}

export type Applied =
  | { kind: 'own' }
  | { kind: 'duplicate' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'applied'; ref: string; conflicts: number };

// Columns an event's `fields` may set, by the names events use (see team-outbox SHARED_FIELDS).
const COLUMNS: Record<string, keyof CaseRow> = {
  customerName: 'customer_name',
  accountId: 'account_id',
  contact: 'contact',
  orderId: 'order_id',
  productName: 'product_name',
  provider: 'provider',
  status: 'status',
  assignee: 'assignee',
};

/**
 * Applies pulled events in the server's order. Each event is one unit (a savepoint) with its
 * audit row; the batch commits together with the cursor, so a desktop killed half-way has
 * either all of a batch or none of it, resumes where it stood, and never applies an event
 * twice: every applied id is kept. An event this desktop cannot apply (it fails the schema
 * or names a case never received) is set aside as rejected, with the reason, instead of
 * stopping every later event behind it. One transaction per batch rather than per event:
 * a commit waits for the disk, and 100k of those would make catching up take minutes.
 */
export function applyTeamEvents(store: CaseStore, events: readonly PulledEvent[]): Applied[] {
  return store.write(() =>
    whileApplyingRemote(store, () => {
      const results = events.map((event) => applyOne(store, event));
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

// A store that cannot be written stops the sync; anything else is this event's own problem.
const STORE_TROUBLE = /^SQLITE_(CORRUPT|NOTADB|IOERR|FULL|READONLY|BUSY|LOCKED|CANTOPEN|PERM)/;

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
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && STORE_TROUBLE.test(code)) throw error;
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
  if (store.sql('SELECT 1 FROM team_outbox WHERE event_id = ?').get(event.id) !== undefined)
    return { kind: 'own' };
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
  const ref = formatRef(caseId);
  if (event.body.decision !== undefined) return appendDecision(store, caseId, event, team);
  if (event.body.note !== undefined) return appendNote(store, caseId, event, team);
  return mergeCaseChange(store, caseId, ref, event, team);
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

const caseRow = (store: CaseStore, id: number) =>
  store.sql('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow;

function appendDecision(store: CaseStore, caseId: number, event: PulledEvent, team: Row): Applied {
  const decision = event.body.decision as Row;
  const row = caseRow(store, caseId);
  const { lastInsertRowid } = store
    .sql(
      `INSERT INTO decisions (case_id, recorded_outcome, override_justification, decision, facts,
         agent, note, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      caseId,
      decision.recorded_outcome,
      decision.override_justification ?? null,
      decision.decision,
      decision.facts,
      decision.agent,
      decision.note ?? null,
      decision.decided_at,
    );
  // The case follows the decided one's fields as that desktop set them (status, deadline).
  const rules = JSON.parse(decision.decision as string) as { windowClosesAt: string | null };
  const fields = (event.body.fields ?? {}) as Record<string, FieldChange>;
  const status = (fields.status?.to as CaseRow['status'] | undefined) ?? row.status;
  const closes = rules.windowClosesAt === null ? null : Date.parse(rules.windowClosesAt);
  store
    .sql(
      `UPDATE cases SET status = ?, latest_outcome = ?, window_closes_at = ?, decided_at = ?,
         updated_at = ?, revision = revision + 1 WHERE id = ?`,
    )
    .run(status, decision.recorded_outcome, closes, decision.decided_at, store.now(), caseId);
  moveCount(store, row, {
    ...row,
    status,
    latest_outcome: decision.recorded_outcome as CaseRow['latest_outcome'],
  });
  const ref = formatRef(caseId);
  appendAudit(store, {
    caseRef: ref,
    action: 'decision.record',
    actor: event.actor,
    detail: { decisionId: Number(lastInsertRowid), recordedOutcome: decision.recorded_outcome, team },
  });
  return { kind: 'applied', ref, conflicts: 0 };
}

function appendNote(store: CaseStore, caseId: number, event: PulledEvent, team: Row): Applied {
  const note = event.body.note as Row;
  const { lastInsertRowid } = store
    .sql('INSERT INTO notes (case_id, author, body, created_at) VALUES (?, ?, ?, ?)')
    .run(caseId, note.author, note.body, note.created_at);
  store.sql('UPDATE cases SET updated_at = ?, revision = revision + 1 WHERE id = ?').run(store.now(), caseId);
  const row = caseRow(store, caseId);
  const notes = store.sql('SELECT body FROM notes WHERE case_id = ? ORDER BY id').all(caseId) as {
    body: string;
  }[];
  indexCase(store, caseId, row, notes);
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
  const row = caseRow(store, caseId);
  const localFields = Object.fromEntries(
    Object.entries(COLUMNS).map(([name, column]) => [name, row[column]]),
  );
  const localFacts = JSON.parse(row.facts) as Row;
  const fields = mergeFieldChanges(localFields, (event.body.fields ?? {}) as Record<string, FieldChange>);
  const facts = mergeFieldChanges(localFacts, (event.body.facts ?? {}) as Record<string, FieldChange>);
  const nextFacts = { ...localFacts, ...facts.apply };
  for (const [name, value] of Object.entries(facts.apply)) if (value === undefined) delete nextFacts[name];
  const next: CaseRow = { ...row, facts: JSON.stringify(nextFacts) };
  for (const [name, value] of Object.entries(fields.apply))
    (next as unknown as Row)[COLUMNS[name]!] = value ?? null;
  next.product_type = (nextFacts as Facts).productType ?? null;
  const now = store.now();
  store
    .sql(
      `UPDATE cases SET customer_name = ?, account_id = ?, contact = ?, order_id = ?, product_name = ?,
         provider = ?, status = ?, assignee = ?, facts = ?, product_type = ?, updated_at = ?,
         revision = revision + 1,
         window_closes_at = CASE WHEN decided_at IS NULL THEN ? ELSE window_closes_at END
       WHERE id = ?`,
    )
    .run(
      next.customer_name,
      next.account_id,
      next.contact,
      next.order_id,
      next.product_name,
      next.provider,
      next.status,
      next.assignee,
      next.facts,
      next.product_type,
      now,
      previewDeadline(nextFacts as Facts, now),
      caseId,
    );
  moveCount(store, row, next);
  const notes = store.sql('SELECT body FROM notes WHERE case_id = ? ORDER BY id').all(caseId) as {
    body: string;
  }[];
  indexCase(store, caseId, next, notes);
  const conflicts = [
    ...fields.conflicts,
    ...facts.conflicts.map((conflict) => ({ ...conflict, field: `facts.${conflict.field}` })),
  ];
  const open = store.sql(
    `INSERT INTO case_conflicts (case_id, field, base, local, remote, remote_event_id, remote_actor, opened_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  for (const c of conflicts) {
    open.run(caseId, c.field, json(c.base), json(c.local), json(c.remote), event.id, event.actor, now);
  }
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

export interface OpenConflict {
  id: number;
  field: string;
  base: unknown;
  local: unknown;
  remote: unknown;
  remoteActor: string;
}

/** A case's conflicts no agent has settled yet; while there is one, nothing is decided on it. */
export function listOpenConflicts(store: CaseStore, caseId: number): OpenConflict[] {
  const rows = store
    .sql(
      `SELECT id, field, base, local, remote, remote_actor FROM case_conflicts
       WHERE case_id = ? AND resolved_at IS NULL ORDER BY id`,
    )
    .all(caseId) as {
    id: number;
    field: string;
    base: string | null;
    local: string | null;
    remote: string | null;
    remote_actor: string;
  }[];
  const parse = (value: string | null) => (value === null ? undefined : (JSON.parse(value) as unknown));
  return rows.map((row) => ({
    id: row.id,
    field: row.field,
    base: parse(row.base),
    local: parse(row.local),
    remote: parse(row.remote),
    remoteActor: row.remote_actor,
  }));
}

/** Deciding on a value the team has not agreed on would record a guess: refused until settled. */
export function requireNoOpenConflicts(store: CaseStore, ref: string, caseId: number): void {
  const open = listOpenConflicts(store, caseId);
  if (open.length === 0) return;
  const fields = open.map((conflict) => conflict.field.replace(/^facts\./, '')).join(', ');
  throw new ConflictError(
    `${ref}: ${fields} changed on two desktops to different values; choose one before deciding.`,
  );
}
