import {
  CASE_SELECT,
  CaseAlteredError,
  caseHash,
  type CaseStore,
  DECISION_SELECT,
  decisionHash,
  formatRef,
  NOTE_SELECT,
  noteHash,
} from '../core';

type Row = Record<string, unknown>;

interface TrailRow {
  decision_id: number | null;
  note_id: number | null;
  state: string | null;
}

/**
 * Reading one case checks its rows against the state hashes its audit rows recorded (what
 * verify-audit does for the whole store, for this case only): the case row against its last
 * change, each decision and note against the row that added it. Rows written before state
 * hashes existed, and a case no change touched since its import, have nothing to check against.
 * Lists (the queue, search, reports) do not check; see the store README.
 */
export function requireCaseMatchesTrail(store: CaseStore, caseId: number): void {
  const trail = store
    .sql(
      `SELECT json_extract(detail, '$.decisionId') AS decision_id, json_extract(detail, '$.noteId') AS note_id,
         json_extract(detail, '$.state') AS state FROM audit WHERE case_ref = ? ORDER BY seq`,
    )
    .all(formatRef(caseId)) as TrailRow[];
  let caseAfter: string | undefined;
  const decisions = new Map<number, string>();
  const notes = new Map<number, string>();
  for (const row of trail) {
    const state = row.state === null ? null : (JSON.parse(row.state) as Row);
    // A row without state (an earlier release's) leaves the case as nothing can vouch for it.
    if (state === null) caseAfter = undefined;
    const {
      case: change,
      decision,
      note,
    } = (state ?? {}) as {
      case?: { after: string };
      decision?: string;
      note?: string;
    };
    if (change !== undefined) caseAfter = change.after;
    if (row.decision_id !== null && decision !== undefined) decisions.set(row.decision_id, decision);
    if (row.note_id !== null && note !== undefined) notes.set(row.note_id, note);
  }
  const altered: string[] = [];
  const now = store.sql(`${CASE_SELECT} WHERE id = ?`).get(caseId) as Row;
  if (caseAfter !== undefined && caseHash(now) !== caseAfter) altered.push('the case');
  const differ = (label: string, select: string, hashes: Map<number, string>, hash: (row: Row) => string) => {
    for (const row of store.sql(`${select} WHERE case_id = ? ORDER BY id`).all(caseId) as Row[]) {
      const recorded = hashes.get(row.id as number);
      if (recorded !== undefined && hash(row) !== recorded) altered.push(`${label} ${String(row.id)}`);
    }
  };
  differ('decision', DECISION_SELECT, decisions, decisionHash);
  differ('note', NOTE_SELECT, notes, noteHash);
  if (altered.length > 0) throw new CaseAlteredError(formatRef(caseId), altered);
}
