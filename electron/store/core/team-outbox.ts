import { CASE_SELECT, DECISION_SELECT, NOTE_SELECT } from './audit-state';
import { parseRef } from './refs';
import { decisionEventBefore, rememberDecisionEvent } from './team-decision-events';
import { fieldChanges } from './team-merge';
import type { CaseStore } from './store';
import { timeOrderedId } from './time-ordered-id';

// Team mode's outbox: every change made on this desktop, as the event the team server will
// carry to the others. Written by appendAudit, so no change reaches the audit trail without
// reaching the outbox too, in the same transaction.

type Row = Record<string, unknown>;

/** The case columns another desktop takes over; the rest (deadline, outcome, counts) it derives. */
const SHARED_FIELDS = {
  customer_name: 'customerName',
  account_id: 'accountId',
  contact: 'contact',
  order_id: 'orderId',
  product_name: 'productName',
  provider: 'provider',
  status: 'status',
  assignee: 'assignee',
} as const;

// Per connection: a restore swaps the connection, and the restored file may not be in team mode.
const desktopIds = new WeakMap<object, string | null>();

/** This desktop's id in the team, or null when team mode is off (nothing goes to an outbox). */
export function teamDesktopId(store: CaseStore): string | null {
  let id = desktopIds.get(store.db);
  if (id === undefined) {
    const row = store.sql("SELECT value FROM team_sync WHERE key = 'desktop_id'").get() as
      { value: string } | undefined;
    id = row?.value ?? null;
    desktopIds.set(store.db, id);
  }
  return id;
}

/** Marks the store as a team member from now on; cases made before it travel as they are. */
export function joinTeam(store: CaseStore, actor: string): string {
  const existing = teamDesktopId(store);
  if (existing !== null) return existing;
  const id = timeOrderedId();
  store.write(() => {
    store.sql("INSERT INTO team_sync (key, value) VALUES ('desktop_id', ?)").run(id);
    store.sql("INSERT INTO team_sync (key, value) VALUES ('cursor', '0')").run();
    desktopIds.set(store.db, id);
    // Every case already here is announced once, so the team sees this desktop's whole queue.
    const ids = store.sql('SELECT id FROM cases ORDER BY id').pluck().all() as number[];
    for (const caseId of ids) {
      enqueueCreate(store, caseId, actor);
      enqueueHistory(store, caseId);
    }
  });
  return id;
}

/** The case's team-wide key, made the first time the case travels. */
export function caseKeyOf(store: CaseStore, caseId: number): string {
  const known = store.sql('SELECT case_key FROM team_case_keys WHERE case_id = ?').pluck().get(caseId) as
    string | undefined;
  if (known !== undefined) return known;
  const key = timeOrderedId();
  store.sql('INSERT INTO team_case_keys (case_id, case_key) VALUES (?, ?)').run(caseId, key);
  return key;
}

/** Set while a pulled event is applied: what it changes came from the team, not from here. */
const applying = new WeakSet<object>();

export function whileApplyingRemote<T>(store: CaseStore, work: () => T): T {
  applying.add(store.db);
  try {
    return work();
  } finally {
    applying.delete(store.db);
  }
}

function enqueue(
  store: CaseStore,
  caseId: number,
  kind: string,
  actor: string,
  body: Row,
  eventId: string = timeOrderedId(),
): string {
  store
    .sql(
      `INSERT INTO team_outbox (event_id, case_key, kind, actor, body, made_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(eventId, caseKeyOf(store, caseId), kind, actor, JSON.stringify(body), store.now());
  return eventId;
}

/**
 * A decision's event: the decision whole, and the event of the case's decision it was made
 * after, so the others can tell a decision made on top of theirs from a concurrent one.
 */
function enqueueDecision(
  store: CaseStore,
  caseId: number,
  decisionId: number,
  action: string,
  actor: string,
  body: Row,
): void {
  body.decision = store.sql(`${DECISION_SELECT} WHERE id = ?`).get(decisionId);
  body.after = decisionEventBefore(store, caseId, decisionId);
  const eventId = enqueue(store, caseId, action, actor, body);
  rememberDecisionEvent(store, { decisionId, eventId, seq: null });
}

const caseRow = (store: CaseStore, caseId: number) =>
  store.sql(`${CASE_SELECT} WHERE id = ?`).get(caseId) as Row;

function enqueueCreate(store: CaseStore, caseId: number, actor: string): void {
  const row = caseRow(store, caseId);
  enqueue(store, caseId, 'case.create', actor, {
    case: {
      customer: {
        name: row.customer_name,
        accountId: row.account_id,
        ...(row.contact ? { contact: row.contact } : {}),
      },
      orderId: row.order_id,
      productName: row.product_name,
      provider: row.provider,
      facts: JSON.parse(row.facts as string) as unknown,
      ...(row.assignee ? { assignee: row.assignee } : {}),
    },
    status: row.status,
  });
}

/** A joining desktop's recorded decisions and notes, each as the event that would have made it. */
function enqueueHistory(store: CaseStore, caseId: number): void {
  for (const decision of store.sql(`${DECISION_SELECT} WHERE case_id = ? ORDER BY id`).all(caseId) as Row[]) {
    enqueueDecision(store, caseId, decision.id as number, 'decision.record', decision.agent as string, {
      action: 'decision.record',
    });
  }
  for (const note of store.sql(`${NOTE_SELECT} WHERE case_id = ? ORDER BY id`).all(caseId) as Row[]) {
    enqueue(store, caseId, 'note.add', note.author as string, { action: 'note.add', note });
  }
}

const sharedFields = (row: Row): Row =>
  Object.fromEntries(Object.entries(SHARED_FIELDS).map(([column, name]) => [name, row[column]]));

/**
 * The change an audit row records, as its team event. Case rows are compared with their state
 * before the transaction (the audit's own capture), decisions and notes travel whole.
 */
export function enqueueChange(
  store: CaseStore,
  input: { caseRef: string | null; action: string; actor: string; detail: Row },
): void {
  if (teamDesktopId(store) === null || applying.has(store.db)) return;
  const { caseRef, action, actor, detail } = input;
  if (caseRef === null) {
    if (
      action === 'cases.import' &&
      typeof detail.firstId === 'number' &&
      typeof detail.lastId === 'number'
    ) {
      for (let id = detail.firstId; id <= detail.lastId; id++) enqueueCreate(store, id, actor);
    }
    return;
  }
  const caseId = parseRef(caseRef)!;
  if (action === 'case.create') return enqueueCreate(store, caseId, actor);
  const body: Row = { action };
  // A claim travels under the id the server already answered (online) or will settle (offline).
  const claim = detail.claim as { eventId: string } | undefined;
  if (claim !== undefined) body.claim = true;
  if (action === 'conflict.resolve') {
    body.resolve = { field: detail.field, ...(detail.cleared === true ? {} : { value: detail.value }) };
  }
  // A decision recorded travels as one (the server checks what it may do); an approval's
  // answer names the decision it answers.
  const decided = action === 'decision.record';
  if (typeof detail.decisionId === 'number' && !decided) {
    body.decision = store.sql(`${DECISION_SELECT} WHERE id = ?`).get(detail.decisionId);
  }
  if (typeof detail.noteId === 'number')
    body.note = store.sql(`${NOTE_SELECT} WHERE id = ?`).get(detail.noteId);
  // What the customer was told and the usage an agent read travel whole, like notes.
  if (action === 'reply.sent') {
    const { language, outcome, amount, currency, deadline, body: text } = detail;
    body.reply = { language, outcome, amount, currency, deadline, body: text };
  }
  // The customer's message too (shared/model/message.ts MessageEventSchema).
  if (action === 'message.add') {
    body.message = store
      .sql(
        `SELECT body AS text, subject, sender AS "from", file_name AS fileName, added_at AS addedAt
         FROM case_messages WHERE id = ?`,
      )
      .get(detail.messageId);
  }
  if (action === 'usage.export') {
    const { characters: _c, sha256: _s, replaced: _r, ...summary } = detail;
    body.usage = {
      ...(store.sql('SELECT body AS text, saved_at FROM usage_exports WHERE case_id = ?').get(caseId) as Row),
      summary,
    };
  }
  // Four eyes: a decision's request (key, why) or a lead's answer to one (key, reason).
  if (detail.approval !== undefined) body.approval = detail.approval;
  const before = store
    .sql(`${CASE_SELECT.replace('FROM cases', 'FROM temp.audit_case_before')} WHERE id = ?`)
    .get(caseId) as Row | undefined;
  if (before !== undefined) {
    const after = caseRow(store, caseId);
    body.fields = fieldChanges(sharedFields(before), sharedFields(after));
    body.facts = fieldChanges(
      JSON.parse(before.facts as string) as Row,
      JSON.parse(after.facts as string) as Row,
    );
  }
  if (typeof detail.decisionId === 'number' && decided)
    enqueueDecision(store, caseId, detail.decisionId, action, actor, body);
  else enqueue(store, caseId, action, actor, body, claim?.eventId);
}

export interface OutboxEvent {
  id: string;
  caseKey: string;
  kind: string;
  actor: string;
  body: Row;
  madeAt: string;
}

/** The oldest events the server does not have yet, in the order they were made (none parked). */
export function waitingEvents(store: CaseStore, limit: number): OutboxEvent[] {
  const rows = store
    .sql(
      `SELECT event_id, case_key, kind, actor, body, made_at FROM team_outbox
       WHERE pushed_at IS NULL AND parked_at IS NULL ORDER BY seq LIMIT ?`,
    )
    .all(limit) as {
    event_id: string;
    case_key: string;
    kind: string;
    actor: string;
    body: string;
    made_at: number;
  }[];
  return rows.map((row) => ({
    id: row.event_id,
    caseKey: row.case_key,
    kind: row.kind,
    actor: row.actor,
    body: JSON.parse(row.body) as Row,
    madeAt: new Date(row.made_at).toISOString(),
  }));
}

export function markPushed(store: CaseStore, eventIds: readonly string[]): void {
  store.write(() => {
    const mark = store.sql('UPDATE team_outbox SET pushed_at = ? WHERE event_id = ? AND pushed_at IS NULL');
    for (const id of eventIds) mark.run(store.now(), id);
  });
}

export function countWaiting(store: CaseStore): number {
  return store
    .sql('SELECT count(*) FROM team_outbox WHERE pushed_at IS NULL AND parked_at IS NULL')
    .pluck()
    .get() as number;
}
