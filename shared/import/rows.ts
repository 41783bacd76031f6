import { CellError, CURRENCY_CODE, readCell } from './cells';
import type { CellKind } from './columns';
import type { Mapping, MappedColumn } from './mapping';

/** What is wrong with one row: its number as a spreadsheet shows it (the header is row 1). */
export interface RowProblem {
  row: number;
  /** The file's header of the cell at fault; null for the row as a whole. */
  column: string | null;
  message: string;
  /** The message without the cell's own text: problems of one kind share it (and are grouped). */
  kind?: string;
}

export type RowResult = { ok: true; value: Record<string, unknown> } | { ok: false; problem: RowProblem };

const DEFAULT_CURRENCY = 'CNY';

/** One mapped column as a row reader uses it: where its value goes, worked out once per file. */
interface ColumnReader {
  mapped: MappedColumn;
  kind: CellKind;
  /** The objects on the way to the value ("facts", "exclusions"), then its key. */
  parents: readonly string[];
  key: string;
}

function readersOf(mapping: Mapping, only: 'facts' | undefined): ColumnReader[] {
  const readers: ColumnReader[] = [];
  for (const mapped of mapping.columns) {
    const { column } = mapped;
    if (column === null || (only === 'facts' && column.path[0] !== 'facts')) continue;
    const path = only === 'facts' ? column.path.slice(1) : column.path;
    readers.push({ mapped, kind: column.kind, parents: path.slice(0, -1), key: path.at(-1)! });
  }
  return readers;
}

// A file's rows share its mapping: their readers are worked out once, not per row.
const compiled = new WeakMap<Mapping, { all?: ColumnReader[]; facts?: ColumnReader[]; currencyAt: number }>();

function compiledFor(mapping: Mapping) {
  let found = compiled.get(mapping);
  if (found === undefined) {
    const currencyAt = mapping.columns.find((mapped) => mapped.column?.id === 'currency')?.index ?? -1;
    found = { currencyAt };
    compiled.set(mapping, found);
  }
  return found;
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
  const file = compiledFor(mapping);
  const readers =
    only === 'facts' ? (file.facts ??= readersOf(mapping, only)) : (file.all ??= readersOf(mapping, only));
  // A currency cell that is not a code is its own cell's error; the amounts are read meanwhile
  // as the default currency's (Intl refuses to give the digits of a code it cannot parse).
  const written = file.currencyAt === -1 ? '' : record[file.currencyAt]!.trim().toUpperCase();
  const currency = CURRENCY_CODE.test(written) ? written : DEFAULT_CURRENCY;
  const value: Record<string, unknown> = only === 'facts' ? {} : { facts: {} };
  for (const reader of readers) {
    const { mapped } = reader;
    const text = record[mapped.index]!.trim();
    if (text === '') continue;
    let read: unknown;
    try {
      read = readCell(reader.kind, text, { unit: mapped.unit, currency, assumeOffset: mapping.assumeOffset });
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      const { message } = error;
      return {
        ok: false,
        problem: { row, column: mapped.header, message, kind: message.replaceAll(text, '…') },
      };
    }
    let node = value;
    for (const parent of reader.parents) node = (node[parent] ??= {}) as Record<string, unknown>;
    node[reader.key] = read;
  }
  return { ok: true, value };
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

/** A record with no text in any cell: a blank line, or one Excel wrote as separators alone. */
export const isEmptyRecord = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

/**
 * The first column a new case needs whose cell is empty, as a problem named by the file's
 * header (the case schema would name the field, or the object it is part of).
 */
export function emptyRequiredCell(
  record: readonly string[],
  row: number,
  mapping: Mapping,
): RowProblem | null {
  for (const mapped of mapping.columns) {
    if (mapped.column?.requiredForCase !== true || record[mapped.index]?.trim() !== '') continue;
    return { row, column: mapped.header, message: MUST_NOT_BE_EMPTY };
  }
  return null;
}

const MUST_NOT_BE_EMPTY = 'must not be empty';
