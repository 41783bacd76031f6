import { randomUUID } from 'node:crypto';
import type { ApprovalItem } from '../../../shared/model/approval';
import type { CaseChange } from '../../../shared/model/case';
import type { Decision, Outcome } from '../../../shared/model/decision';
import type { Facts } from '../../../shared/model/facts';
import { recordedAmount } from '../../../shared/policy/recorded';
import { approvalsOf, approvalThresholds, teamMember, uncounted, type RequestRow } from './approval-reads';
import {
  appendAudit,
  type CaseRow,
  type CaseStore,
  ConflictError,
  formatRef,
  InvalidInputError,
  iso,
  moveCount,
  NotFoundError,
  teamDesktopId,
} from '../core';
import type { DecisionRow } from './case-detail';
import { previewDeadline, statusAfterDecision } from './case-rules';
import { caseRowById } from './team-case-write';
import { writeCase } from './write-case';

// Four-eyes approval (team mode): what waits, how a lead's answer settles it, and what the
// case then counts. See shared/model/approval.ts for what "does not count" means.

/** Why a decision waits, as its request keeps it; `threshold` is the one its refund exceeds. */
export interface ApprovalWhy {
  override: boolean;
  threshold: number | null;
}

/**
 * Whether a decision about to be recorded needs a lead: only in a team, for an override or a
 * refund above the team's threshold in its currency. A single desktop's decisions count at once.
 */
export function approvalNeeded(
  store: CaseStore,
  input: { decision: Decision; recordedOutcome: Outcome; overrideAmount: number | null; facts: Facts },
): ApprovalWhy | null {
  if (teamDesktopId(store) === null) return null;
  const threshold = approvalThresholds(store)[input.decision.currency];
  // What the recorded outcome refunds, by the rule every surface reads (recordedAmount).
  const override = input.overrideAmount === null ? null : { justification: '', amount: input.overrideAmount };
  const refund = recordedAmount({ ...input, override });
  const above = threshold !== undefined && refund !== null && refund > threshold;
  if (override === null && !above) return null;
  return { override: override !== null, threshold: above ? threshold : null };
}

/**
 * Files the request for a decision just inserted (call before its audit row); returns its key.
 * `pushedBy` is the login that decided: the one that pushed a pulled decision, or this desktop's
 * own for one made here (unknown before its first sync: then this desktop's, whichever it is).
 */
export function requestApproval(
  store: CaseStore,
  input: {
    decisionId: number;
    caseId: number;
    why: ApprovalWhy;
    key?: string;
    pushedBy?: string | undefined;
  },
): string {
  const key = input.key ?? randomUUID();
  store
    .sql(
      `INSERT INTO approval_requests (decision_id, case_id, approval_key, why, requested_at, pushed_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(input.decisionId, input.caseId, key, JSON.stringify(input.why), store.now(), input.pushedBy ?? null);
  return key;
}

const decisionRow = (store: CaseStore, id: number) =>
  store.sql('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow;

/** Sets the case's recorded outcome, status and deadline to a decision's, or with null to none. */
function takeDecision(store: CaseStore, row: CaseRow, decision: DecisionRow | null): void {
  let next: Pick<CaseRow, 'status' | 'latest_outcome' | 'window_closes_at' | 'decided_at'>;
  if (decision === null) {
    const facts = JSON.parse(row.facts) as Facts;
    next = {
      status: 'open',
      latest_outcome: null,
      window_closes_at: previewDeadline(facts, store.now()),
      decided_at: null,
    };
  } else {
    const closes = (JSON.parse(decision.decision) as Decision).windowClosesAt;
    next = {
      status: statusAfterDecision(decision.recorded_outcome),
      latest_outcome: decision.recorded_outcome,
      window_closes_at: closes === null ? null : Date.parse(closes),
      decided_at: decision.decided_at,
    };
  }
  store
    .sql(
      `UPDATE cases SET status = ?, latest_outcome = ?, window_closes_at = ?, decided_at = ?,
         updated_at = ?, revision = revision + 1 WHERE id = ?`,
    )
    .run(next.status, next.latest_outcome, next.window_closes_at, next.decided_at, store.now(), row.id);
  moveCount(store, row, { ...row, ...next });
}

const touchCase = (store: CaseStore, caseId: number) =>
  store.sql('UPDATE cases SET updated_at = ?, revision = revision + 1 WHERE id = ?').run(store.now(), caseId);

/**
 * Appends a lead's answer and moves the request and the case. A refusal outweighs a grant
 * whatever order they arrive in (two leads answering apart), so every desktop ends the same:
 * a granted decision counts from then on unless a newer one already does; a refused one that
 * had counted hands the case back to the newest decision that still counts, or to none.
 */
function settle(
  store: CaseStore,
  request: RequestRow,
  answer: { granted: boolean; lead: string; reason: string | null },
): RequestRow['state'] {
  store
    .sql(
      'INSERT INTO approval_answers (decision_id, granted, lead, reason, answered_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(request.decision_id, answer.granted ? 1 : 0, answer.lead, answer.reason, store.now());
  const before = request.state;
  const after = answer.granted && before !== 'refused' ? 'granted' : 'refused';
  if (after !== before) {
    store.sql('UPDATE approval_requests SET state = ? WHERE decision_id = ?').run(after, request.decision_id);
  }
  const row = caseRowById(store, request.case_id);
  const decision = decisionRow(store, request.decision_id);
  const newer = row.decided_at !== null && row.decided_at > decision.decided_at;
  if (before === 'waiting' && after === 'granted' && !newer) takeDecision(store, row, decision);
  else if (before === 'granted' && after === 'refused' && row.decided_at === decision.decided_at) {
    const counting = store
      .sql(
        `SELECT * FROM decisions d WHERE d.case_id = ? AND d.id <> ? AND NOT ${uncounted('d')}
         ORDER BY d.decided_at DESC, d.id DESC LIMIT 1`,
      )
      .get(row.id, decision.id) as DecisionRow | undefined;
    takeDecision(store, row, counting ?? null);
  } else touchCase(store, row.id);
  return after;
}

export interface ApprovalAnswerRequest {
  ref: string;
  /** The decision answered; absent: the case's oldest waiting one. */
  decisionId?: number | undefined;
  lead: string;
  grant: boolean;
  reason?: string | undefined;
  revision?: number | undefined;
}

/**
 * A lead's grant or refusal, made on this desktop and carried to the team as an event. Only a
 * desktop signed in to the team as a lead may answer, and never for a decision of its own
 * agent (four eyes); the server checks the same of the logins.
 */
export function answerApproval(store: CaseStore, request: ApprovalAnswerRequest): CaseChange {
  const reason = request.reason?.trim() || null;
  // A grant makes the decision count, so it waits for every disputed value to be settled.
  const guards = { revision: request.revision, conflicts: 'any', waiting: null } as const;
  return writeCase(store, request.ref, guards, (row) => {
    const member = teamMember(store);
    if (member?.role !== 'lead') {
      throw new ConflictError(
        'Only a lead answers an approval request, and this desktop has not signed in to the team as one ' +
          '(a sync learns its role).',
      );
    }
    const waiting = store
      .sql(
        `SELECT * FROM approval_requests WHERE case_id = ? AND state = 'waiting'
           AND (? IS NULL OR decision_id = ?) ORDER BY decision_id LIMIT 1`,
      )
      .get(row.id, request.decisionId ?? null, request.decisionId ?? null) as RequestRow | undefined;
    if (waiting === undefined) throw new NotFoundError(`${request.ref} has no decision waiting for approval`);
    const decision = decisionRow(store, waiting.decision_id);
    // As the server checks: the login that decided (this desktop's own, for a decision made
    // here) never answers, whatever names the agents go by.
    const decidedBy = waiting.pushed_by ?? member.name;
    if (decidedBy === member.name || decision.agent === request.lead || decision.agent === member.name) {
      throw new ConflictError(
        `${request.ref}: ${decision.agent} made this decision; another lead answers it (four eyes).`,
      );
    }
    if (!request.grant && reason === null) throw new InvalidInputError('reason: a refusal needs a reason');
    const state = settle(store, waiting, { granted: request.grant, lead: request.lead, reason });
    return {
      action: request.grant ? 'approval.grant' : 'approval.refuse',
      actor: request.lead,
      detail: {
        decisionId: decision.id,
        approval: { key: waiting.approval_key, ...(reason === null ? {} : { reason }) },
        state,
      },
    };
  });
}

/** A lead's answer pulled from the team: applied inside team-apply's savepoint. */
export function applyApprovalAnswer(
  store: CaseStore,
  event: { id: string; kind: string; actor: string; body: Record<string, unknown> },
  team: Record<string, unknown>,
): string {
  const approval = event.body.approval as { key?: unknown; reason?: unknown } | undefined;
  const request = store
    .sql('SELECT * FROM approval_requests WHERE approval_key = ?')
    .get(String(approval?.key)) as RequestRow | undefined;
  if (request === undefined) {
    throw new InvalidInputError(`team event ${event.id} (${event.kind}) answers no decision known here`);
  }
  const reason = typeof approval?.reason === 'string' ? approval.reason : null;
  const state = settle(store, request, {
    granted: event.kind === 'approval.grant',
    lead: event.actor,
    reason,
  });
  const ref = formatRef(request.case_id);
  appendAudit(store, {
    caseRef: ref,
    action: event.kind,
    actor: event.actor,
    detail: { decisionId: request.decision_id, approval, state, team },
  });
  return ref;
}

/** The lead's queue: decisions waiting (oldest first), or those answered, newest first. */
export function listApprovals(
  store: CaseStore,
  state: RequestRow['state'] = 'waiting',
  limit = 500,
): ApprovalItem[] {
  const rows = store
    .sql(
      `SELECT d.*, c.customer_name FROM approval_requests r
         JOIN decisions d ON d.id = r.decision_id JOIN cases c ON c.id = r.case_id
       WHERE r.state = ? ORDER BY r.requested_at ${state === 'waiting' ? 'ASC' : 'DESC'}, r.decision_id
       LIMIT ?`,
    )
    .all(state, limit) as (DecisionRow & { customer_name: string })[];
  const approvals = approvalsOf(
    store,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const decision = JSON.parse(row.decision) as Decision;
    const facts = JSON.parse(row.facts) as Facts;
    const override =
      row.override_justification === null
        ? null
        : { justification: row.override_justification, amount: row.override_amount };
    return {
      ref: formatRef(row.case_id),
      decisionId: row.id,
      customerName: row.customer_name,
      agent: row.agent,
      decidedAt: iso(row.decided_at),
      rulesOutcome: decision.outcome,
      recordedOutcome: row.recorded_outcome,
      refundAmount: recordedAmount({ decision, recordedOutcome: row.recorded_outcome, override, facts }),
      currency: decision.currency,
      overrideJustification: row.override_justification,
      approval: approvals.get(row.id)!,
    };
  });
}
