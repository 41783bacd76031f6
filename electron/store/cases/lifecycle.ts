import type { CaseChange, CaseStatus } from '../../../shared/model/case';
import { requireNothingWaiting } from './approval-reads';
import {
  appendAudit,
  type CaseRow,
  type CaseStore,
  ConflictError,
  formatRef,
  InvalidInputError,
  moveCount,
  requireCase,
  requireRevision,
} from '../core';
import { changeOf } from './case-detail';

// Who works a case and whether it is still being worked: assignment, claiming, closing and
// reopening. Each change bumps the case revision (so a stale screen is refused) and is audited.

/** Statuses a case is settled in; leaving one for open work is a reopen and needs a reason. */
const SETTLED: ReadonlySet<CaseStatus> = new Set(['decided', 'closed']);

/** `extra` rides in the audit detail (a team claim's event id). Call inside a write. */
export function assignRow(
  store: CaseStore,
  row: CaseRow,
  assignee: string | null,
  actor: string,
  extra: Record<string, unknown> = {},
): CaseChange {
  const ref = formatRef(row.id);
  if (assignee === row.assignee) return changeOf(store, ref, []);
  store
    .sql('UPDATE cases SET assignee = ?, updated_at = ?, revision = revision + 1 WHERE id = ?')
    .run(assignee, store.now(), row.id);
  moveCount(store, row, { ...row, assignee });
  const audit = appendAudit(store, {
    caseRef: ref,
    action: 'case.assign',
    actor,
    detail: { from: row.assignee, to: assignee, ...extra },
  });
  return changeOf(store, ref, [audit]);
}

/** Assigns a case to an agent, or with null leaves it unassigned. */
export function assignCase(
  store: CaseStore,
  ref: string,
  assignee: string | null,
  actor: string,
  seen?: number,
): CaseChange {
  return store.write(() => {
    const row = requireCase(store, ref);
    requireRevision(row, seen);
    return assignRow(store, row, assignee, actor);
  });
}

/**
 * Assigns the open unassigned case whose window closes first to `agent`, or answers null when
 * there is none. The pick and the assignment are one IMMEDIATE transaction, so two agents
 * (or the app and the CLI) claiming at once are served one after the other and never get the
 * same case.
 */
export function claimNextCase(store: CaseStore, agent: string): CaseChange | null {
  return store.write(() => {
    const row = store
      .sql(
        `SELECT * FROM cases INDEXED BY cases_claimable WHERE status = 'open' AND assignee IS NULL
         ORDER BY deadline_key, id LIMIT 1`,
      )
      .get() as CaseRow | undefined;
    return row === undefined ? null : assignRow(store, row, agent, agent);
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
  return store.write(() => {
    const row = requireCase(store, ref);
    requireRevision(row, seen);
    if (SETTLED.has(status)) requireNothingWaiting(store, ref, row.id, `marking it ${status}`);
    if (status === 'decided' && row.decided_at === null) {
      throw new ConflictError(`${ref} has no recorded decision; record one to mark it decided`);
    }
    // Asking for the status it already has changes nothing, so it appends nothing either.
    if (status === row.status) return changeOf(store, ref, []);
    if (SETTLED.has(row.status) && !SETTLED.has(status) && reason === undefined) {
      throw new InvalidInputError(`reason: reopening ${ref} (now ${row.status}) needs a reason`);
    }
    store
      .sql('UPDATE cases SET status = ?, updated_at = ?, revision = revision + 1 WHERE id = ?')
      .run(status, store.now(), row.id);
    moveCount(store, row, { ...row, status });
    const audit = appendAudit(store, {
      caseRef: ref,
      action: 'case.status',
      actor,
      detail: { from: row.status, to: status, ...(reason === undefined ? {} : { reason }) },
    });
    return changeOf(store, ref, [audit]);
  });
}
