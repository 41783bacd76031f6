import { type CaseStore, iso } from '../core';

// Pulled events this desktop could not apply (a newer release's data it cannot read, or a case
// it never received), set aside with the reason so nothing behind them waits. They are shown
// in the team status and tried again at every sync: after an upgrade, or once what they need
// has arrived, they apply.

export interface RejectedEvent {
  eventId: string;
  seq: number;
  kind: string;
  reason: string;
  at: string;
}

export function rejectedEvents(store: CaseStore): RejectedEvent[] {
  const rows = store.sql('SELECT event_id, seq, kind, reason, at FROM team_rejected ORDER BY seq').all() as {
    event_id: string;
    seq: number;
    kind: string;
    reason: string;
    at: number;
  }[];
  return rows.map((row) => ({
    eventId: row.event_id,
    seq: row.seq,
    kind: row.kind,
    reason: row.reason,
    at: iso(row.at),
  }));
}

/** Inside applyTeamEvents' transaction: these events count as never seen, to apply once more. */
export function forgetRejected(store: CaseStore, events: readonly { id: string }[]): void {
  const forget = store.sql('DELETE FROM team_rejected WHERE event_id = ?');
  const unapply = store.sql('DELETE FROM team_applied WHERE event_id = ?');
  for (const { id } of events) {
    if (forget.run(id).changes > 0) unapply.run(id);
  }
}
