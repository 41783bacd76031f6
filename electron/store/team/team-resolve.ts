import type { CaseChange } from '../../../shared/model/case';
import { writeCase } from '../cases';
import { type CaseStore, clearCapturedStates, NotFoundError } from '../core';
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
 * the other desktops hold the same conflict), so every desktop ends on the chosen value. For
 * two concurrent decisions, choosing the one that is not current records it again first
 * (team-decisions.ts chooseDecision), as its own `decision.record`.
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
    if (
      conflict.field === DECISION_FIELD &&
      chooseDecision(store, ref, caseId, conflict, keep, actor).length > 0
    )
      // The closing row records the case as the decision recorded again left it.
      clearCapturedStates(store);
    settleField(store, caseId, conflict.field, value, actor);
    return {
      action: 'conflict.resolve',
      actor,
      detail: {
        field: conflict.field,
        keep,
        value: shown(conflict.field, value),
        cleared: value === undefined,
      },
    };
  });
}
