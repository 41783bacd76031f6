import { type CaseStore, iso } from '../core';

// Pulled events of a kind this release does not know (a newer desktop's). They are neither
// applied as something else nor marked applied: held with their place in the server's order,
// listed in the team status, and fetched again at each sync, to apply once an upgrade knows
// their kind.

export interface HeldEvent {
  eventId: string;
  seq: number;
  kind: string;
  /** When it first arrived here (ISO). */
  at: string;
}

export function holdEvent(store: CaseStore, event: { id: string; seq: number; kind: string }): void {
  store
    .sql('INSERT OR IGNORE INTO team_held (event_id, seq, kind, at) VALUES (?, ?, ?, ?)')
    .run(event.id, event.seq, event.kind, store.now());
}

export function heldEvents(store: CaseStore): HeldEvent[] {
  const rows = store.sql('SELECT event_id, seq, kind, at FROM team_held ORDER BY seq').all() as {
    event_id: string;
    seq: number;
    kind: string;
    at: number;
  }[];
  return rows.map((row) => ({ eventId: row.event_id, seq: row.seq, kind: row.kind, at: iso(row.at) }));
}

/** Inside applyTeamEvents' transaction: tried again, so held no more (held anew if still unknown). */
export function forgetHeld(store: CaseStore, events: readonly { id: string }[]): void {
  const forget = store.sql('DELETE FROM team_held WHERE event_id = ?');
  for (const { id } of events) forget.run(id);
}
