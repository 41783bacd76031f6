import { EXPORT_COLUMNS, type ExportColumn } from '../../../shared/model/export';
import { formatMinorUnits } from '../../../shared/model/money';
import { csvCell, csvLine } from '../csv';

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

/** CSV: text cells neutralised against formulas. */
export function csvSink(excelFriendly: boolean): RowSink {
  const line = excelFriendly ? excelLine : (row: Cell[]) => csvLine(row, true);
  return {
    // With a BOM, Excel reads the file as UTF-8.
    start: () =>
      excelFriendly
        ? `\uFEFF${csvLine(EXPORT_COLUMNS.map(excelHeader), false)}`
        : csvLine(EXPORT_COLUMNS, false),
    // Joined once per page: adding each line to one string builds a tree the writer must flatten.
    rows: (rows) => rows.map((row) => line(row as Cell[])).join(''),
    end: async () => '',
  };
}

type Cell = string | number | null;

// Each amount column and the column of its currency.
const AMOUNTS = new Map(
  (
    [
      ['orderAmount', 'currency'],
      ['voucherAmount', 'currency'],
      ['refundAmount', 'refundCurrency'],
    ] as const
  ).map(([amount, currency]) => [columnIndex(amount), columnIndex(currency)]),
);
const IDS = new Set([columnIndex('orderId'), columnIndex('accountId')]);
// Excel turns a run of digits this long into a number and keeps 15 significant digits of it.
const LONG_NUMBER = /^\d{12,}$/;

const excelHeader = (name: ExportColumn, column: number) => (AMOUNTS.has(column) ? `${name} (yuan)` : name);

/**
 * A CSV line as Excel should read it: a long numeric id as the text formula ="…" (the one
 * form Excel keeps as text; the import reads it back as the id), amounts in major units
 * (199.00) as the header says, no thousands separators.
 */
function excelLine(row: Cell[]): string {
  const cells = row.map((cell, column) => {
    if (IDS.has(column) && typeof cell === 'string' && LONG_NUMBER.test(cell))
      return csvCell(`="${cell}"`, false);
    const currency = AMOUNTS.get(column);
    if (currency !== undefined && typeof cell === 'number') {
      return formatMinorUnits(cell, String(row[currency] ?? 'CNY')).replaceAll(',', '');
    }
    return csvCell(cell, true);
  });
  return `${cells.join(',')}\r\n`;
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
