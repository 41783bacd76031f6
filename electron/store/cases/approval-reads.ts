import type { ApprovalThresholds, DecisionApproval } from '../../../shared/model/approval';
import { type CaseStore, ConflictError, iso } from '../core';

// The read side of four-eyes approval, and what this desktop knows of its team (its member
// and the thresholds, learnt at each sync). A leaf: the modules that record, list and report
// decisions read approvals through here without depending on each other.

export interface RequestRow {
  decision_id: number;
  case_id: number;
  approval_key: string;
  why: string;
  requested_at: number;
  state: DecisionApproval['state'];
  /** The login that decided (see requestApproval); null: this desktop's own, whichever it is. */
  pushed_by: string | null;
}

interface AnswerRow {
  decision_id: number;
  granted: number;
  lead: string;
  reason: string | null;
  answered_at: number;
}

// Kept with the rows (the queue's summary reads it too).
export { uncounted } from '../core';

function toApproval(request: RequestRow, answers: readonly AnswerRow[]): DecisionApproval {
  const why = JSON.parse(request.why) as { override: boolean; threshold: number | null };
  return {
    state: request.state,
    key: request.approval_key,
    override: why.override,
    threshold: why.threshold,
    requestedAt: iso(request.requested_at),
    answers: answers.map((answer) => ({
      granted: answer.granted === 1,
      lead: answer.lead,
      reason: answer.reason,
      answeredAt: iso(answer.answered_at),
    })),
  };
}

/** The approval requests of some decisions, by decision id (decisions without one are absent). */
export function approvalsOf(store: CaseStore, decisionIds: readonly number[]): Map<number, DecisionApproval> {
  const found = new Map<number, DecisionApproval>();
  if (decisionIds.length === 0) return found;
  const ids = JSON.stringify(decisionIds);
  const requests = store
    .sql('SELECT * FROM approval_requests WHERE decision_id IN (SELECT value FROM json_each(?))')
    .all(ids) as RequestRow[];
  if (requests.length === 0) return found;
  const answers = store
    .sql('SELECT * FROM approval_answers WHERE decision_id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(ids) as AnswerRow[];
  for (const request of requests) {
    const own = answers.filter((answer) => answer.decision_id === request.decision_id);
    found.set(request.decision_id, toApproval(request, own));
  }
  return found;
}

export function waitingRequests(store: CaseStore, caseId: number): RequestRow[] {
  return store
    .sql("SELECT * FROM approval_requests WHERE case_id = ? AND state = 'waiting' ORDER BY decision_id")
    .all(caseId) as RequestRow[];
}

/** Nothing is decided again, closed or replied on a case while a decision of it waits. */
export function requireNothingWaiting(store: CaseStore, ref: string, caseId: number, doing: string): void {
  if (waitingRequests(store, caseId).length === 0) return;
  throw new ConflictError(
    `${ref} has a decision waiting for a lead's approval: it does not count yet, and ${doing} ` +
      'waits until a lead grants or refuses it.',
  );
}

export interface TeamMemberInfo {
  name: string;
  role: 'agent' | 'lead';
}

const readSync = (store: CaseStore, key: string): unknown => {
  const value = store.sql('SELECT value FROM team_sync WHERE key = ?').pluck().get(key) as string | undefined;
  return value === undefined ? undefined : (JSON.parse(value) as unknown);
};

/** The team login this desktop last synced as, or null (not in a team, or never synced). */
export const teamMember = (store: CaseStore): TeamMemberInfo | null =>
  (readSync(store, 'member') as TeamMemberInfo | undefined) ?? null;

/** The team's thresholds as last synced (none known: only overrides wait). */
export const approvalThresholds = (store: CaseStore): ApprovalThresholds =>
  (readSync(store, 'approval_thresholds') as ApprovalThresholds | undefined) ?? {};

/**
 * Keeps what the team server said at a sync: who this desktop signs in as and the team's
 * thresholds. Kept beside the cursor, not in the audit trail: it is the server's, not this
 * desktop's, and every decision that waited because of it says so in its own audit row.
 */
export function rememberTeamPolicy(
  store: CaseStore,
  policy: { member: TeamMemberInfo; thresholds: ApprovalThresholds },
): void {
  store.write(() => {
    const put = store.sql(
      'INSERT INTO team_sync (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    put.run('member', JSON.stringify(policy.member));
    put.run('approval_thresholds', JSON.stringify(policy.thresholds));
  });
}
