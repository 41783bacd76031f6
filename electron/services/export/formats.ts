import { EXPORT_COLUMNS, type ExportColumn } from '../../../shared/model/export';
import { csvLine } from '../csv';

/** Turns pages of export rows (EXPORT_COLUMNS order) into one file format. */
export interface RowSink {
  /** Text to write for these rows (CSV, JSON), or null when the sink writes them itself (XLSX). */
  rows(rows: unknown[][]): string | null;
  start(): string;
  end(): Promise<string>;
}

export const columnIndex = (column: ExportColumn) => EXPORT_COLUMNS.indexOf(column);
export const BOOLEAN_COLUMNS = new Set(
  ['invoiceIssued', 'overridden', 'stale'].map((name) => columnIndex(name as ExportColumn)),
);
const CLAUSES = columnIndex('clauses');

/** CSV: text cells neutralised against formulas; with `bom`, Excel reads it as UTF-8. */
export function csvSink(bom: boolean): RowSink {
  return {
    start: () => (bom ? '\uFEFF' : '') + csvLine(EXPORT_COLUMNS, false),
    // Joined once per page: adding each line to one string builds a tree the writer must flatten.
    rows: (rows) => rows.map((row) => csvLine(row as (string | number | null)[], true)).join(''),
    end: async () => '',
  };
}

/** JSON: one array of objects; booleans, numbers and the clause list as JSON types. */
export function jsonSink(): RowSink {
  let first = true;
  return {
    start: () => '[',
    rows: (rows) => {
      let text = '';
      for (const row of rows) {
        const record: Record<string, unknown> = {};
        row.forEach((value, column) => {
          if (BOOLEAN_COLUMNS.has(column) && value !== null)
            record[EXPORT_COLUMNS[column]!] = value === 'true';
          else if (column === CLAUSES) record.clauses = value === null ? [] : String(value).split(';');
          else record[EXPORT_COLUMNS[column]!] = value;
        });
        text += `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
        first = false;
      }
      return text;
    },
    end: async () => (first ? ']\n' : '\n]\n'),
  };
}
