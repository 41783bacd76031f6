import type { CaseChange } from '../../../shared/model/case';
import { requireNothingWaiting } from './approval-reads';
import {
  appendAudit,
  type AuditInput,
  type CaseStore,
  ConflictError,
  requireCase,
  requireRevision,
} from '../core';
import { changeOf } from './case-detail';

// The one way an agent's change reaches a case: the guards, then the change, its audit row
// and (through appendAudit) its team outbox event, all in one IMMEDIATE transaction. Changes
// pulled from the team are applied by team/team-apply.ts instead: the team has already agreed.

export type GuardedRow = ReturnType<typeof requireCase>;

export interface CaseGuards {
  /**
   * The revision the caller saw; another is refused (a stale screen). Undefined for the store's
   * own callers, and for writes that add beside what is there (a note, a message) and so
   * overwrite nothing another window could have changed.
   */
  revision: number | undefined;
  /**
   * Which fields in an open team conflict refuse the write: 'any' for a write that stands on
   * the whole case (a decision, a grant, a reply), or the fields it changes (event names,
   * facts as `facts.<fact>`), read from the row as stored. 'none' only for additions.
   */
  conflicts: 'any' | 'none' | ((row: GuardedRow) => readonly string[]);
  /**
   * What the write does, for its refusal while a decision waits for a lead ("deciding it
   * again"); null for a write that leaves what the lead is asked about as it is.
   */
  waiting: string | null;
}

/**
 * A write that adds beside what is there (a note, a message, a usage export): it overwrites
 * nothing another window could have changed, settles no disputed value and leaves what a lead
 * is asked about as it was, so it goes on through a stale screen, a conflict and a wait.
 */
export const ADDITION: CaseGuards = { revision: undefined, conflicts: 'none', waiting: null };

/** The audit row of a change; null when the change changed nothing (nothing is appended). */
export type CaseAudit = Omit<AuditInput, 'caseRef'> | null;

/** Refuses a write that would settle a value the team has not agreed on. */
function requireNoOpenConflicts(store: CaseStore, ref: string, row: GuardedRow, guards: CaseGuards) {
  if (guards.conflicts === 'none') return;
  const open = store
    .sql('SELECT field FROM case_conflicts WHERE case_id = ? AND resolved_at IS NULL ORDER BY id')
    .pluck()
    .all(row.id) as string[];
  if (open.length === 0) return;
  const touched = [
    ...new Set(guards.conflicts === 'any' ? open : guards.conflicts(row).filter((f) => open.includes(f))),
  ];
  if (touched.length === 0) return;
  throw new ConflictError(
    `${ref}: ${touched.map((field) => field.replace(/^facts\./, '')).join(', ')} changed on two desktops ` +
      'to different values; choose one before changing the case. Nothing was changed.',
  );
}

/** The guards on a row already read inside a write (a claim picks its case before guarding it). */
export function guardCase(store: CaseStore, ref: string, row: GuardedRow, guards: CaseGuards): void {
  requireRevision(row, guards.revision);
  requireNoOpenConflicts(store, ref, row, guards);
  if (guards.waiting !== null) requireNothingWaiting(store, ref, row.id, guards.waiting);
}

/**
 * Reads the case, applies the guards, runs `change` and appends the audit row it answers,
 * in one transaction; answers the case as the change left it.
 */
export function writeCase(
  store: CaseStore,
  ref: string,
  guards: CaseGuards,
  change: (row: GuardedRow) => CaseAudit,
): CaseChange {
  return store.write(() => {
    const row = requireCase(store, ref);
    guardCase(store, ref, row, guards);
    return changeOf(store, ref, auditOf(store, ref, change(row)));
  });
}

/** Appends a change's audit row (and so its outbox event); call inside the change's write. */
export const auditOf = (store: CaseStore, ref: string, audit: CaseAudit) =>
  audit === null ? [] : [appendAudit(store, { caseRef: ref, ...audit })];

/** SQL: case `alias` has an open conflict on `field` (a claim passes such a case by). */
export const openConflictOn = (alias: string, field: string) =>
  `EXISTS (SELECT 1 FROM case_conflicts k WHERE k.case_id = ${alias}.id AND k.field = '${field}'
    AND k.resolved_at IS NULL)`;
