import { appendAudit, type CaseStore, formatRef, iso, NotFoundError } from '../core';

// Events the team server refused, parked in the outbox with its reason so nothing behind them
// waits: the agent sees each one (team status, the sync summary) and redoes or withdraws it.

export interface ParkedEvent {
  eventId: string;
  kind: string;
  /** The case here, or null if this desktop no longer knows it. */
  ref: string | null;
  /** The server's words for why it refused the event. */
  reason: string;
  parkedAt: string;
  /** Withdrawn by the agent: never pushed again, kept so the change's fate stays on record. */
  withdrawn: boolean;
}

/** Takes a refused event out of the pushes, with the server's reason. */
export function parkEvent(store: CaseStore, eventId: string, reason: string): void {
  store.write(() => {
    store
      .sql('UPDATE team_outbox SET parked_reason = ?, parked_at = ? WHERE event_id = ? AND pushed_at IS NULL')
      .run(reason, store.now(), eventId);
  });
}

interface ParkedRow {
  event_id: string;
  kind: string;
  case_id: number | null;
  parked_reason: string;
  parked_at: number;
  withdrawn_at: number | null;
}

/** Every parked event, oldest first; withdrawn ones only when asked for. */
export function parkedEvents(store: CaseStore, options: { withdrawn?: boolean } = {}): ParkedEvent[] {
  const rows = store
    .sql(
      `SELECT o.event_id, o.kind, k.case_id, o.parked_reason, o.parked_at, o.withdrawn_at
         FROM team_outbox o LEFT JOIN team_case_keys k ON k.case_key = o.case_key
        WHERE o.parked_at IS NOT NULL AND (? OR o.withdrawn_at IS NULL) ORDER BY o.seq`,
    )
    .all(options.withdrawn === true ? 1 : 0) as ParkedRow[];
  return rows.map((row) => ({
    eventId: row.event_id,
    kind: row.kind,
    ref: row.case_id === null ? null : formatRef(row.case_id),
    reason: row.parked_reason,
    parkedAt: iso(row.parked_at),
    withdrawn: row.withdrawn_at !== null,
  }));
}

function requireParked(store: CaseStore, eventId: string): ParkedEvent {
  const found = parkedEvents(store, { withdrawn: true }).find((event) => event.eventId === eventId);
  if (found === undefined) throw new NotFoundError(`no parked team event ${eventId}`);
  return found;
}

/**
 * Redo: push the event again at the next sync (once what the server objected to has changed:
 * a lead answered, the team's threshold moved, the server was upgraded). Refused again, it is
 * parked again with the new reason.
 */
export function redoParked(store: CaseStore, eventId: string, actor: string): void {
  store.write(() => {
    const parked = requireParked(store, eventId);
    store
      .sql(
        'UPDATE team_outbox SET parked_reason = NULL, parked_at = NULL, withdrawn_at = NULL WHERE event_id = ?',
      )
      .run(eventId);
    appendAudit(store, { caseRef: null, action: 'team.redo', actor, detail: { ...parked } });
  });
}

/**
 * Withdraw: the change is never sent to the team. It stays in this desktop's own record (the
 * audit trail is append-only); the team never counts it.
 */
export function withdrawParked(store: CaseStore, eventId: string, actor: string): void {
  store.write(() => {
    const parked = requireParked(store, eventId);
    store.sql('UPDATE team_outbox SET withdrawn_at = ? WHERE event_id = ?').run(store.now(), eventId);
    appendAudit(store, { caseRef: null, action: 'team.withdraw', actor, detail: { ...parked } });
  });
}
