import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { EXPORT_COLUMNS, type ExportColumn } from '../../../shared/model/export';
import { minorDigits } from '../../../shared/model/money';
import { parseInstant } from '../../../shared/policy';
import { BOOLEAN_COLUMNS, columnIndex, type RowSink } from './formats';

// In a file of its own, imported only when an XLSX is written: exceljs and its dependencies
// (about 500 files) took a few hundred milliseconds to load in every CLI command that opened
// the store, whatever it did.

const REFUND_AMOUNTS = [columnIndex('refundAmount'), columnIndex('rulesRefundAmount')];
const AMOUNTS = [columnIndex('orderAmount'), columnIndex('voucherAmount'), ...REFUND_AMOUNTS];
const CURRENCY = columnIndex('currency');
const REFUND_CURRENCY = columnIndex('refundCurrency');
const MS_INSTANTS = new Set(
  ['createdAt', 'decidedAt', 'windowClosesAt'].map((name) => columnIndex(name as ExportColumn)),
);
const TEXT_INSTANTS = new Set(['paidAt', 'requestedAt'].map((name) => columnIndex(name as ExportColumn)));

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
      const currency =
        (row[REFUND_AMOUNTS.includes(column) ? REFUND_CURRENCY : CURRENCY] as string | null) ?? 'CNY';
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
