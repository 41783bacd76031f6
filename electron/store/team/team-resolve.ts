import type { CaseChange } from '../../../shared/model/case';
import { changeOf } from '../cases';
import { appendAudit, type CaseStore, clearCapturedStates, NotFoundError, requireCase } from '../core';
import { DECISION_FIELD, listOpenConflicts, settleField } from './team-conflicts';
import { chooseDecision } from './team-decisions';

// A decision's side is the decision whole; its event id says which one was chosen.
const shown = (field: string, value: unknown) =>
  field === DECISION_FIELD
    ? { eventId: (value as { eventId: string | null } | undefined)?.eventId ?? null }
    : (value ?? null);

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
  return store.write(() => {
    const caseId = requireCase(store, ref).id;
    const conflict = listOpenConflicts(store, caseId).find((open) => open.id === conflictId);
    if (conflict === undefined) throw new NotFoundError(`${ref} has no open conflict ${conflictId}`);
    const value = keep === 'local' ? conflict.local : conflict.remote;
    const recorded =
      conflict.field === DECISION_FIELD ? chooseDecision(store, ref, caseId, conflict, keep, actor) : [];
    // The closing row records the case as the decision recorded again left it.
    if (recorded.length > 0) clearCapturedStates(store);
    settleField(store, caseId, conflict.field, value, actor);
    const audit = appendAudit(store, {
      caseRef: ref,
      action: 'conflict.resolve',
      actor,
      detail: {
        field: conflict.field,
        keep,
        value: shown(conflict.field, value),
        cleared: value === undefined,
      },
    });
    return changeOf(store, ref, [...recorded, audit]);
  });
}
