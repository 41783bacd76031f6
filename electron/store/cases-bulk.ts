import { NewCaseSchema, type NewCase } from '../../shared/model/case';
import { describeFirstIssue } from '../../shared/model/issues';
import { appendAudit } from './audit';
import { previewDeadline } from './case-rules';
import { insertCaseRow, newCaseKey } from './cases';
import { addAllToCounts } from './counts';
import { InvalidInputError } from './errors';
import { formatRef } from './refs';
import type { CaseStore } from './store';

export type ImportResult =
  | { ok: true; count: number; firstRef: string | null; lastRef: string | null }
  | { ok: false; errors: { row: number; message: string }[] };

const MAX_REPORTED_ERRORS = 100;

/**
 * Imports many cases all-or-nothing: every row is validated first and any problem is
 * reported per row (the first 100) with nothing written; otherwise all rows go in one
 * transaction, so a crash midway leaves none of them. The import is one change and gets one
 * audit row naming the id range it created (audit.list shows it for each of those cases).
 */
export function importCases(store: CaseStore, rows: readonly unknown[], actor: string): ImportResult {
  const now = store.now();
  const valid: { input: NewCase; deadline: number | null }[] = [];
  const errors: { row: number; message: string }[] = [];
  rows.forEach((raw, row) => {
    const parsed = NewCaseSchema.safeParse(raw);
    if (!parsed.success) {
      const { field, message } = describeFirstIssue(parsed.error, 'case');
      errors.push({ row, message: `${field}: ${message}` });
      return;
    }
    try {
      valid.push({ input: parsed.data, deadline: previewDeadline(parsed.data.facts, now) });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      errors.push({ row, message: error.message });
    }
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
  if (valid.length === 0) return { ok: true, count: 0, firstRef: null, lastRef: null };
  const [firstId, lastId] = store.write(() => {
    const ids = valid.map(({ input, deadline }) => insertCaseRow(store, input, deadline));
    addAllToCounts(
      store,
      valid.map(({ input }) => newCaseKey(input)),
    );
    const range = [ids[0]!, ids.at(-1)!] as const;
    appendAudit(store, {
      caseRef: null,
      action: 'cases.import',
      actor,
      detail: { count: ids.length, firstId: range[0], lastId: range[1] },
    });
    return range;
  });
  return { ok: true, count: valid.length, firstRef: formatRef(firstId), lastRef: formatRef(lastId) };
}
