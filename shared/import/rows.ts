import { CellError, readCell } from './cells';
import type { Mapping, MappedColumn } from './mapping';

/** What is wrong with one row: its number as a spreadsheet shows it (the header is row 1). */
export interface RowProblem {
  row: number;
  /** The file's header of the cell at fault; null for the row as a whole. */
  column: string | null;
  message: string;
}

export type RowResult = { ok: true; value: Record<string, unknown> } | { ok: false; problem: RowProblem };

const DEFAULT_CURRENCY = 'CNY';

function put(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}

/**
 * Turns one record into the object a column path describes (a new case, or for `facts` only
 * its facts). Empty cells are left out: "not known", as the rules read an absent fact.
 * Values are typed here; the case schema and the rules check the whole afterwards.
 */
export function readRow(record: readonly string[], row: number, mapping: Mapping, only?: 'facts'): RowResult {
  if (record.length !== mapping.columns.length) {
    const message = `has ${record.length} cells where the header has ${mapping.columns.length}`;
    return { ok: false, problem: { row, column: null, message } };
  }
  const currencyColumn = mapping.columns.find((mapped) => mapped.column?.id === 'currency');
  const currency = (currencyColumn && record[currencyColumn.index]!.trim().toUpperCase()) || DEFAULT_CURRENCY;
  const value: Record<string, unknown> = { facts: {} };
  for (const mapped of mapping.columns) {
    const { column } = mapped;
    if (column === null || (only === 'facts' && column.path[0] !== 'facts')) continue;
    const text = record[mapped.index]!.trim();
    if (text === '') continue;
    try {
      put(value, column.path, readCell(column.kind, text, mapped.unit, currency));
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      return { ok: false, problem: { row, column: mapped.header, message: error.message } };
    }
  }
  return { ok: true, value: only === 'facts' ? (value['facts'] as Record<string, unknown>) : value };
}

/** The file's header for a field path the schema or the rules named ("facts.paidAt"). */
export function headerOfField(mapping: Mapping, field: string): string | null {
  const found = mapping.columns.find((mapped: MappedColumn) => {
    if (mapped.column === null) return false;
    const path = mapped.column.path.join('.');
    return field === path || field.startsWith(`${path}.`);
  });
  return found?.header ?? null;
}

/** "row 7, column 订单金额: …" */
export function describeProblem({ row, column, message }: RowProblem): string {
  return column === null ? `row ${row}: ${message}` : `row ${row}, column ${column}: ${message}`;
}
