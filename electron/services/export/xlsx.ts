import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { EXPORT_COLUMNS, type ExportColumn } from '../../../shared/model/export';
import { minorDigits } from '../../../shared/model/money';
import { parseInstant } from '../../../shared/policy';
import type { Language } from '../../../shared/model/languages';
import { BOOLEAN_COLUMNS, columnIndex, type RowSink } from './formats';
import { exportLabel } from './labels';

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

const currencyOf = (row: unknown[], column: number) =>
  (row[REFUND_AMOUNTS.includes(column) ? REFUND_CURRENCY : CURRENCY] as string | null) ?? 'CNY';

/** An amount in its currency's major unit with that currency's decimals: 4,681.99 CNY. */
const moneyFormat = (currency: string) => {
  const digits = minorDigits(currency);
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
};

// Widths (in characters) that fit what the columns usually hold; Chinese characters count twice.
const WIDTHS: Partial<Record<ExportColumn, number>> = {
  ref: 11,
  orderId: 20,
  customerName: 20,
  accountId: 18,
  productName: 24,
  provider: 18,
  productType: 12,
  status: 16,
  orderAmount: 16,
  voucherAmount: 16,
  refundAmount: 16,
  clauses: 40,
  approval: 12,
};
const displayWidth = (text: string) =>
  [...text].reduce((sum, char) => sum + (/\p{Script=Han}/u.test(char) ? 2 : 1), 0);

/**
 * XLSX through exceljs's streaming writer: rows are committed as they come, so the sheet is
 * never held whole. Amounts are number cells in the currency's major unit (199.00) shown with
 * the currency, instants date cells at UTC+8, flags boolean cells; headers in `language`
 * (the canonical column names without one).
 */
export function xlsxSink(out: Writable, language: Language | null): RowSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  // The header stays in view while scrolling, and filters each column.
  const sheet = workbook.addWorksheet('cases', { views: [{ state: 'frozen', ySplit: 1 }] });
  const isInstant = (column: number) => MS_INSTANTS.has(column) || TEXT_INSTANTS.has(column);
  sheet.columns = EXPORT_COLUMNS.map((name, column) => {
    const label = language === null ? name : exportLabel(name, language);
    const header = isInstant(column) ? `${label} (UTC+8)` : label;
    return {
      header,
      key: name,
      width: Math.max(displayWidth(header) + 2, isInstant(column) ? 20 : (WIDTHS[name] ?? 12)),
      style: isInstant(column) ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
    };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const cell = (row: unknown[], value: unknown, column: number): unknown => {
    if (value === null) return null;
    if (MS_INSTANTS.has(column)) return wallClock(value as number);
    if (TEXT_INSTANTS.has(column)) return wallClock(parseInstant(value as string));
    if (BOOLEAN_COLUMNS.has(column)) return value === 'true';
    if (AMOUNTS.includes(column)) return (value as number) / 10 ** minorDigits(currencyOf(row, column));
    return value;
  };
  return {
    start: () => '',
    rows: (rows) => {
      for (const row of rows) {
        const added = sheet.addRow(row.map((value, column) => cell(row, value, column)));
        for (const column of AMOUNTS) added.getCell(column + 1).numFmt = moneyFormat(currencyOf(row, column));
        added.commit();
      }
      return null;
    },
    end: async () => {
      sheet.commit();
      await workbook.commit();
      return '';
    },
  };
}
