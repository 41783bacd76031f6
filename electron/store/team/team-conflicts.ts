import type { CaseChange } from '../../../shared/model/case';
import { type CaseStore, type FieldConflict, NotFoundError } from '../core';
import { caseRowById, writeCase, writeCaseValues } from '../cases';

// A field changed on two desktops to different values: both kept until an agent chooses.
// Facts are named `facts.<fact>`, case fields by their event names (customerName, status …).

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
  if (field.startsWith('facts.')) writeCaseValues(store, row, {}, { [field.slice('facts.'.length)]: value });
  else writeCaseValues(store, row, { [field]: value }, {});
  store
    .sql(
      `UPDATE case_conflicts SET resolved_at = ?, resolved_by = ?
       WHERE case_id = ? AND field = ? AND resolved_at IS NULL`,
    )
    .run(store.now(), actor, caseId, field);
}

/**
 * An agent's choice in a conflict: this desktop's value or the other one. The choice travels
 * to the team as a `conflict.resolve` event that sets the value everywhere (no three-way rule:
 * the other desktops hold the same conflict), so every desktop ends on the chosen value.
 */
export function resolveConflict(
  store: CaseStore,
  ref: string,
  conflictId: number,
  keep: 'local' | 'remote',
  actor: string,
): CaseChange {
  // The choice names its conflict and both values, which a stale screen cannot make wrong (a
  // settled conflict is no longer found). It is what the other writes' conflict guard waits
  // for, and a grant waits for it too: refusing it while a decision waits would block both.
  const guards = { revision: undefined, conflicts: 'none', waiting: null } as const;
  return writeCase(store, ref, guards, ({ id: caseId }) => {
    const conflict = listOpenConflicts(store, caseId).find((open) => open.id === conflictId);
    if (conflict === undefined) throw new NotFoundError(`${ref} has no open conflict ${conflictId}`);
    const value = keep === 'local' ? conflict.local : conflict.remote;
    settleField(store, caseId, conflict.field, value, actor);
    return {
      action: 'conflict.resolve',
      actor,
      detail: { field: conflict.field, keep, value: value ?? null, cleared: value === undefined },
    };
  });
}
