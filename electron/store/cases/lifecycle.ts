import type { CaseChange, CaseStatus } from '../../../shared/model/case';
import {
  type CaseRow,
  type CaseStore,
  ConflictError,
  formatRef,
  InvalidInputError,
  moveCount,
  requireCase,
} from '../core';
import { changeOf } from './case-detail';
import { auditOf, type CaseAudit, guardCase, openConflictOn, writeCase } from './write-case';

// Who works a case and whether it is still being worked: assignment, claiming, closing and
// reopening. Each change bumps the case revision (so a stale screen is refused) and is audited.

/** Statuses a case is settled in; leaving one for open work is a reopen and needs a reason. */
const SETTLED: ReadonlySet<CaseStatus> = new Set(['decided', 'closed']);

/**
 * Who works the case is no part of what a lead is asked to approve, so it changes while a
 * decision waits; an assignee in an open conflict does not (the team has two).
 */
export const assignGuards = (revision: number | undefined) =>
  ({ revision, conflicts: () => ['assignee'], waiting: null }) as const;

/** `extra` rides in the audit detail (a team claim's event id). Call inside a guarded write. */
export function assignRow(
  store: CaseStore,
  row: CaseRow,
  assignee: string | null,
  actor: string,
  extra: Record<string, unknown> = {},
): CaseAudit {
  if (assignee === row.assignee) return null;
  store
    .sql('UPDATE cases SET assignee = ?, updated_at = ?, revision = revision + 1 WHERE id = ?')
    .run(assignee, store.now(), row.id);
  moveCount(store, row, { ...row, assignee });
  return { action: 'case.assign', actor, detail: { from: row.assignee, to: assignee, ...extra } };
}

/** Assigns a case to an agent, or with null leaves it unassigned. */
export function assignCase(
  store: CaseStore,
  ref: string,
  assignee: string | null,
  actor: string,
  seen?: number,
): CaseChange {
  return writeCase(store, ref, assignGuards(seen), (row) => assignRow(store, row, assignee, actor));
}

/**
 * Assigns the open unassigned case whose window closes first to `agent`, or answers null when
 * there is none. The pick and the assignment are one IMMEDIATE transaction, so two agents
 * (or the app and the CLI) claiming at once are served one after the other and never get the
 * same case.
 */
export function claimNextCase(store: CaseStore, agent: string): CaseChange | null {
  return store.write(() => {
    const id = store
      .sql(
        `SELECT id FROM cases INDEXED BY cases_claimable WHERE status = 'open' AND assignee IS NULL
           AND NOT ${openConflictOn('cases', 'assignee')}
         ORDER BY deadline_key, id LIMIT 1`,
      )
      .pluck()
      .get() as number | undefined;
    if (id === undefined) return null;
    // Picked and guarded in one transaction, so nobody claims it in between.
    const ref = formatRef(id);
    const row = requireCase(store, ref);
    guardCase(store, ref, row, assignGuards(undefined));
    return changeOf(store, ref, auditOf(store, ref, assignRow(store, row, agent, agent)));
  });
}

/** `reason` is required to reopen a decided or closed case, and kept in the audit trail when given. */
export function setStatus(
  store: CaseStore,
  ref: string,
  status: CaseStatus,
  actor: string,
  seen?: number,
  reasonText?: string,
): CaseChange {
  const reason = reasonText?.trim() || undefined;
  // Settling the case waits for the lead; moving open work between open statuses does not.
  const guards = {
    revision: seen,
    conflicts: () => ['status'],
    waiting: SETTLED.has(status) ? `marking it ${status}` : null,
  };
  return writeCase(store, ref, guards, (row) => {
    if (status === 'decided' && row.decided_at === null) {
      throw new ConflictError(`${ref} has no recorded decision; record one to mark it decided`);
    }
    // Asking for the status it already has changes nothing, so it appends nothing either.
    if (status === row.status) return null;
    if (SETTLED.has(row.status) && !SETTLED.has(status) && reason === undefined) {
      throw new InvalidInputError(`reason: reopening ${ref} (now ${row.status}) needs a reason`);
    }
    store
      .sql('UPDATE cases SET status = ?, updated_at = ?, revision = revision + 1 WHERE id = ?')
      .run(status, store.now(), row.id);
    moveCount(store, row, { ...row, status });
    return {
      action: 'case.status',
      actor,
      detail: { from: row.status, to: status, ...(reason === undefined ? {} : { reason }) },
    };
  });
}
