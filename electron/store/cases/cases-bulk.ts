import { NewCaseSchema, type NewCase } from '../../../shared/model/case';
import { describeFirstIssue } from '../../../shared/model/issues';
import { previewDeadline } from './case-rules';
import { type CaseStore, InvalidInputError } from '../core';
import { ImportStage } from './import-stage';

export type ImportResult =
  | { ok: true; count: number; duplicates: number; firstRef: string | null; lastRef: string | null }
  | { ok: false; errors: { row: number; message: string }[] };

/** A row as the store will write it, or the first thing wrong with it ("field.path" and why). */
export type CheckedRow =
  { ok: true; input: NewCase; deadline: number | null } | { ok: false; field: string; message: string };

const MAX_REPORTED_ERRORS = 100;

/** Checks one row of an import: the case schema first, then the rules' own checks. */
export function checkImportRow(raw: unknown, now: number): CheckedRow {
  const parsed = NewCaseSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, ...describeFirstIssue(parsed.error, 'case') };
  try {
    return { ok: true, input: parsed.data, deadline: previewDeadline(parsed.data.facts, now) };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const [field, ...rest] = error.message.split(': ');
    return { ok: false, field: field!, message: rest.join(': ') || error.message };
  }
}

/**
 * Imports many cases all-or-nothing: every row is validated first and any problem is
 * reported per row (the first 100) with nothing written; otherwise all rows go in one
 * transaction, so a crash midway leaves none of them. An order id already in the store is
 * not added again. The import is one change and gets one audit row naming the id range it
 * created (audit.list shows it for each of those cases).
 */
export function importCases(store: CaseStore, rows: readonly unknown[], actor: string): ImportResult {
  const now = store.now();
  const valid: { input: NewCase; deadline: number | null }[] = [];
  const errors: { row: number; message: string }[] = [];
  rows.forEach((raw, row) => {
    const checked = checkImportRow(raw, now);
    if (checked.ok) valid.push(checked);
    else errors.push({ row, message: `${checked.field}: ${checked.message}` });
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
  const stage = new ImportStage(store);
  try {
    stage.add(valid);
    return { ok: true, ...stage.commit(actor) };
  } finally {
    stage.discard();
  }
}
