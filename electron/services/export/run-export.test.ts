import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../shared/model/export';
import { createCase, recordDecision } from '../../store';
import { sampleCase, tempStore } from '../../store/test-support/temp-store';
import { runImport } from '../import';
import { runExport, type ExportOptions } from '.';

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
  createCase(env.store, sampleCase({ orderId: 'O-1' }), 'ann');
  createCase(
    env.store,
    sampleCase({
      orderId: '=HYPERLINK("http://evil.example","click")',
      customer: { name: '+86 138 0000', accountId: '@acc' },
      productName: '-2+3',
      provider: '\tTabbed',
      facts: {
        productType: 'image',
        paidAt: '2026-02-01T10:00:00+08:00',
        orderAmount: 12345,
        currency: 'CNY',
      },
    }),
    'ann',
  );
  recordDecision(env.store, { ref: 'RC-000001', agent: 'bob' });
  env.clock.advance(1000);
  recordDecision(env.store, { ref: 'RC-000001', agent: 'carol' });
});
afterEach(() => env.cleanup());

const exportTo = async (name: string, options: Omit<ExportOptions, 'out'>) => {
  const out = join(env.dir, name);
  const { rows } = await runExport(env.store, { ...options, out });
  return { out, rows };
};
const csvRows = (file: string) => parse(readFileSync(file), { bom: true }) as string[][];

describe('export', () => {
  it('writes one row per case with its latest decision, columns in the documented order', async () => {
    const { out, rows } = await exportTo('all.csv', { format: 'csv', filter: { dates: 'created' } });
    expect(rows).toBe(2);
    const [header, first, second] = csvRows(out);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const record = Object.fromEntries(header!.map((name, i) => [name, first![i]]));
    expect(record).toMatchObject({
      ref: 'RC-000001',
      orderId: 'O-1',
      orderAmount: '19900',
      invoiceIssued: 'false',
      outcome: 'eligible',
      overridden: 'false',
      refundAmount: '19900',
      refundCurrency: 'CNY',
      agent: 'carol',
      status: 'decided',
    });
    expect(record.clauses).toMatch(/^[a-z.-]+(;[a-z.-]+)*$/);
    expect(record.decidedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(second![EXPORT_COLUMNS.indexOf('outcome')]).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const { out } = await exportTo('evil.csv', { format: 'csv', filter: { dates: 'created' } });
    const row = csvRows(out)[2]!;
    const cell = (name: string) => row[EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number])];
    expect(cell('orderId')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cell('customerName')).toBe("'+86 138 0000");
    expect(cell('accountId')).toBe("'@acc");
    expect(cell('productName')).toBe("'-2+3");
    expect(cell('provider')).toBe("'\tTabbed");
    expect(cell('orderAmount')).toBe('12345');
  });

  it('writes a BOM only when Excel-friendly', async () => {
    const plain = await exportTo('plain.csv', { format: 'csv' });
    const excel = await exportTo('excel.csv', { format: 'csv', excelFriendly: true });
    expect(readFileSync(plain.out).subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readFileSync(excel.out).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('Excel-friendly: long numeric ids stay text, amounts are in yuan with the unit in the header, and it imports back', async () => {
    createCase(
      env.store,
      sampleCase({
        orderId: '2026102107360012',
        customer: { name: 'Long Ids', accountId: '5163672018889921' },
        facts: { productType: 'saas', orderAmount: 4681_99, currency: 'CNY' },
      }),
      'ann',
    );
    const { out } = await exportTo('excel.csv', {
      format: 'csv',
      filter: { dates: 'created' },
      excelFriendly: true,
    });
    const [header, ...rows] = csvRows(out);
    expect(header).toEqual(
      EXPORT_COLUMNS.map((name) => (/^(order|voucher|refund)Amount$/.test(name) ? `${name} (yuan)` : name)),
    );
    const last = Object.fromEntries(header!.map((name, i) => [name, rows.at(-1)![i]]));
    expect(last).toMatchObject({
      orderId: '="2026102107360012"',
      accountId: '="5163672018889921"',
      'orderAmount (yuan)': '4681.99',
    });
    expect(rows[0]![header!.indexOf('refundAmount (yuan)')]).toBe('199.00');
    const fresh = tempStore();
    try {
      const summary = await runImport(fresh.store, { file: out, actor: 'x' });
      expect(summary).toMatchObject({ added: 3, errorCount: 0 });
      const back = fresh.store.db
        .prepare("SELECT account_id, json_extract(facts, '$.orderAmount') FROM cases WHERE order_id = ?")
        .raw()
        .get('2026102107360012');
      expect(back).toEqual(['5163672018889921', 4681_99]);
    } finally {
      fresh.cleanup();
    }
  });

  it('filters by decision date (the default), outcome, kind, status, provider and assignee', async () => {
    const count = async (filter: ExportOptions['filter']) =>
      (await exportTo('f.csv', { format: 'csv', filter })).rows;
    expect(await count({})).toBe(2);
    expect(await count({ from: '2026-03-02T00:00:00Z' })).toBe(1);
    expect(await count({ to: '2026-03-02T00:00:00Z' })).toBe(0);
    expect(await count({ outcome: ['eligible'] })).toBe(1);
    expect(await count({ kind: ['image'] })).toBe(1);
    expect(await count({ status: ['open'] })).toBe(1);
    expect(await count({ provider: 'Acme Cloud' })).toBe(1);
    expect(await count({ assignee: 'nobody' })).toBe(0);
    await expect(count({ from: 'yesterday' })).rejects.toThrow(/^from: /);
  });

  it('writes JSON with typed values', async () => {
    const { out } = await exportTo('all.json', { format: 'json' });
    const [first, second] = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>[];
    expect(first).toMatchObject({
      orderAmount: 19900,
      invoiceIssued: false,
      overridden: false,
      agent: 'carol',
    });
    expect(Array.isArray(first!.clauses)).toBe(true);
    expect(second).toMatchObject({
      outcome: null,
      clauses: [],
      orderId: '=HYPERLINK("http://evil.example","click")',
    });
  });

  it('writes XLSX with number, date and boolean cells', async () => {
    const { out } = await exportTo('all.xlsx', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('cases')!;
    const column = (name: string) => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]) + 1;
    const row = sheet.getRow(2);
    expect(row.getCell(column('orderAmount')).value).toBe(199);
    expect(row.getCell(column('invoiceIssued')).value).toBe(false);
    expect(row.getCell(column('paidAt')).value).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(row.getCell(column('decidedAt')).value).toBeInstanceOf(Date);
    expect(sheet.rowCount).toBe(3);
  });

  it('leaves no file behind when it fails', async () => {
    const cancel = new AbortController();
    cancel.abort();
    const out = join(env.dir, 'cancelled.csv');
    await expect(runExport(env.store, { format: 'csv', out, signal: cancel.signal })).rejects.toThrow();
    // The stream opens its file asynchronously: nothing may appear after the failure either.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('imports back what it exported: every order is a duplicate', async () => {
    const { out } = await exportTo('round.csv', {
      format: 'csv',
      filter: { dates: 'created' },
      excelFriendly: true,
    });
    const summary = await runImport(env.store, { file: out, actor: 'x', dryRun: true });
    expect(summary).toMatchObject({ added: 0, duplicates: 2, errorCount: 0 });
  });
});
