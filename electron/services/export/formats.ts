import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { EXPORT_COLUMNS, type ExportColumn } from '../../../shared/model/export';
import { minorDigits } from '../../../shared/model/money';
import { parseInstant } from '../../../shared/policy';
import { csvLine } from '../csv';

/** Turns pages of export rows (EXPORT_COLUMNS order) into one file format. */
export interface RowSink {
  /** Text to write for these rows (CSV, JSON), or null when the sink writes them itself (XLSX). */
  rows(rows: unknown[][]): string | null;
  start(): string;
  end(): Promise<string>;
}

const index = (column: ExportColumn) => EXPORT_COLUMNS.indexOf(column);
const BOOLEAN_COLUMNS = new Set(['invoiceIssued', 'overridden'].map((name) => index(name as ExportColumn)));
const CLAUSES = index('clauses');
const AMOUNTS = [index('orderAmount'), index('voucherAmount'), index('refundAmount')];
const CURRENCY = index('currency');
const REFUND_CURRENCY = index('refundCurrency');
const REFUND_AMOUNT = index('refundAmount');
const MS_INSTANTS = new Set(
  ['createdAt', 'decidedAt', 'windowClosesAt'].map((name) => index(name as ExportColumn)),
);
const TEXT_INSTANTS = new Set(['paidAt', 'requestedAt'].map((name) => index(name as ExportColumn)));

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

// Excel has no time zones: instants are shown as the wall-clock time at UTC+8, the policy zone.
const ZONE_SHIFT_MS = 8 * 3600 * 1000;
const wallClock = (ms: number) => new Date(ms + ZONE_SHIFT_MS);

/**
 * XLSX through exceljs's streaming writer: rows are committed as they come, so the sheet is
 * never held whole. Amounts are number cells in the currency's major unit (199.00), instants
 * date cells at UTC+8, flags boolean cells.
 */
export function xlsxSink(out: Writable): RowSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('cases');
  sheet.columns = EXPORT_COLUMNS.map((name, column) => ({
    header: MS_INSTANTS.has(column) || TEXT_INSTANTS.has(column) ? `${name} (UTC+8)` : name,
    key: name,
    width: Math.max(12, name.length + 2),
    style:
      MS_INSTANTS.has(column) || TEXT_INSTANTS.has(column)
        ? { numFmt: 'yyyy-mm-dd hh:mm:ss' }
        : AMOUNTS.includes(column)
          ? { numFmt: '#,##0.00' }
          : {},
  }));
  const cell = (row: unknown[], value: unknown, column: number): unknown => {
    if (value === null) return null;
    if (MS_INSTANTS.has(column)) return wallClock(value as number);
    if (TEXT_INSTANTS.has(column)) return wallClock(parseInstant(value as string));
    if (BOOLEAN_COLUMNS.has(column)) return value === 'true';
    if (AMOUNTS.includes(column)) {
      const currency = (row[column === REFUND_AMOUNT ? REFUND_CURRENCY : CURRENCY] as string | null) ?? 'CNY';
      return (value as number) / 10 ** minorDigits(currency);
    }
    return value;
  };
  return {
    start: () => '',
    rows: (rows) => {
      for (const row of rows) sheet.addRow(row.map((value, column) => cell(row, value, column))).commit();
      return null;
    },
    end: async () => {
      sheet.commit();
      await workbook.commit();
      return '';
    },
  };
}
