import type { CaseStore, FieldConflict } from '../core';
import { caseRowById, writeCaseValues } from '../cases';

// A field changed on two desktops to different values: both kept until an agent chooses.
// Facts are named `facts.<fact>`, case fields by their event names (customerName, status …),
// two concurrent decisions `decision` (team-decisions.ts).

/** The field two concurrent decisions on a case are kept under. */
export const DECISION_FIELD = 'decision';

export interface OpenConflict {
  id: number;
  field: string;
  base: unknown;
  local: unknown;
  remote: unknown;
  remoteActor: string;
  /** When the other desktop's value arrived here (ISO). */
  openedAt: string;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const parse = (value: string | null) => (value === null ? undefined : (JSON.parse(value) as unknown));

export function openConflicts(
  store: CaseStore,
  caseId: number,
  conflicts: readonly FieldConflict[],
  event: { id: string; actor: string },
): void {
  const open = store.sql(
    `INSERT INTO case_conflicts (case_id, field, base, local, remote, remote_event_id, remote_actor, opened_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of conflicts) {
    open.run(
      caseId,
      c.field,
      json(c.base),
      json(c.local),
      json(c.remote),
      event.id,
      event.actor,
      store.now(),
    );
  }
}

/** A case's conflicts no agent has settled yet; while there is one, nothing is decided on it. */
export function listOpenConflicts(store: CaseStore, caseId: number): OpenConflict[] {
  const rows = store
    .sql(
      `SELECT id, field, base, local, remote, remote_actor, opened_at FROM case_conflicts
       WHERE case_id = ? AND resolved_at IS NULL ORDER BY id`,
    )
    .all(caseId) as {
    id: number;
    field: string;
    base: string | null;
    local: string | null;
    remote: string | null;
    remote_actor: string;
    opened_at: number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    field: row.field,
    base: parse(row.base),
    local: parse(row.local),
    remote: parse(row.remote),
    remoteActor: row.remote_actor,
    openedAt: new Date(row.opened_at).toISOString(),
  }));
}

/** Sets the field to the chosen value and closes every open conflict on it. Call inside a write. */
export function settleField(
  store: CaseStore,
  caseId: number,
  field: string,
  value: unknown,
  actor: string,
): void {
  const row = caseRowById(store, caseId);
  // A decision chosen is recorded again (team-decisions.ts); the case's fields stay as they are.
  if (field.startsWith('facts.')) writeCaseValues(store, row, {}, { [field.slice('facts.'.length)]: value });
  else if (field !== DECISION_FIELD) writeCaseValues(store, row, { [field]: value }, {});
  store
    .sql(
      `UPDATE case_conflicts SET resolved_at = ?, resolved_by = ?
       WHERE case_id = ? AND field = ? AND resolved_at IS NULL`,
    )
    .run(store.now(), actor, caseId, field);
}
