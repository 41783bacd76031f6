import type { AuditEntry, CaseChange, CaseDetail, DecisionRecord, Note } from '../../../shared/model/case';
import type { DecisionApproval } from '../../../shared/model/approval';
import { DecisionSchema, type Outcome } from '../../../shared/model/decision';
import type { Facts } from '../../../shared/model/facts';
import { approvalsOf } from './approval-reads';
import { requireCaseMatchesTrail } from './case-trail';
import { type CaseStore, formatRef, iso, parseRef, requireCase, toSummary } from '../core';

// The read side of a case: its detail with decisions and notes. A leaf below the modules that
// change cases, so each of them can answer with the case as it now stands.

export interface DecisionRow {
  id: number;
  case_id: number;
  recorded_outcome: Outcome;
  override_justification: string | null;
  override_amount: number | null;
  decision: string;
  facts: string;
  agent: string;
  note: string | null;
  decided_at: number;
}

export interface NoteRow {
  id: number;
  author: string;
  body: string;
  created_at: number;
}

const toRecord = (row: DecisionRow, approval: DecisionApproval | null): DecisionRecord => ({
  id: row.id,
  caseRef: formatRef(row.case_id),
  // Through the schema, so a decision stored before revisions existed reads as revision v1.
  decision: DecisionSchema.parse(JSON.parse(row.decision)),
  recordedOutcome: row.recorded_outcome,
  override:
    row.override_justification === null
      ? null
      : { justification: row.override_justification, amount: row.override_amount },
  facts: JSON.parse(row.facts) as Facts,
  agent: row.agent,
  note: row.note,
  decidedAt: iso(row.decided_at),
  approval,
});

const toNote = (row: NoteRow): Note => ({
  id: row.id,
  author: row.author,
  body: row.body,
  createdAt: iso(row.created_at),
});

export function listDecisions(store: CaseStore, caseId: number): DecisionRecord[] {
  const rows = store
    .sql('SELECT * FROM decisions WHERE case_id = ? ORDER BY id')
    .all(caseId) as DecisionRow[];
  const approvals = approvalsOf(
    store,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toRecord(row, approvals.get(row.id) ?? null));
}

export function listNotes(store: CaseStore, caseId: number): Note[] {
  const rows = store.sql('SELECT * FROM notes WHERE case_id = ? ORDER BY id').all(caseId) as NoteRow[];
  return rows.map(toNote);
}

/** A case as an agent sees it, once its rows are checked against its audit trail. */
export function getCase(store: CaseStore, ref: string): CaseDetail {
  const detail = readCase(store, ref);
  requireCaseMatchesTrail(store, parseRef(ref)!);
  return detail;
}

/** The case as stored; for a change's own answer, read in the change's transaction. */
function readCase(store: CaseStore, ref: string): CaseDetail {
  const row = requireCase(store, ref);
  return {
    summary: toSummary(row),
    customer: {
      name: row.customer_name,
      accountId: row.account_id,
      ...(row.contact === null ? {} : { contact: row.contact }),
    },
    provider: row.provider,
    facts: JSON.parse(row.facts) as Facts,
    decisions: listDecisions(store, row.id),
    notes: listNotes(store, row.id),
  };
}

/** The answer to a change; read inside its transaction, so it is exactly what the change made. */
export const changeOf = (store: CaseStore, ref: string, audit: AuditEntry[]): CaseChange => ({
  detail: readCase(store, ref),
  audit,
});

/** The refs, of those given, that name no case here (text that is no ref at all included). */
export function missingRefs(store: CaseStore, refs: readonly string[]): string[] {
  const exists = store.sql('SELECT 1 FROM cases WHERE id = ?').pluck();
  return refs.filter((ref) => {
    const id = parseRef(ref);
    return id === null || exists.get(id) === undefined;
  });
}
