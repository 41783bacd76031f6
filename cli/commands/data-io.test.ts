import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCase, seededRandom } from '../../electron/store/test-support/generate';
import { damagedStoreFile } from '../../electron/store/test-support/temp-store';
import { CANONICAL_HEADER, csvText, orderRow } from '../../electron/services/test-support/order-files';
import { memoryIo } from '../test-support/memory-io';
import { main } from '../refund-console';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-cli-data-'));
  db = join(dir, 'cases.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse('2026-03-02T00:00:00Z');
function ordersFile(name: string, n: number, change?: (rows: string[][]) => void): string {
  const random = seededRandom(3);
  const rows = Array.from({ length: n }, (_, i) => orderRow(generateCase(random, i, NOW), 'canonical'));
  change?.(rows);
  const path = join(dir, name);
  writeFileSync(path, csvText(CANONICAL_HEADER, rows));
  return path;
}

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('refund-console import', () => {
  it('prints the JSON summary; a second import adds nothing and says so', async () => {
    const file = ordersFile('orders.csv', 30);
    const first = await run(['--db', db, 'import', file]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ added: 30, duplicates: 0, skipped: 0, errors: [] });
    const second = await run(['--db', db, 'import', file]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ added: 0, duplicates: 30 });
    expect(second.err).toMatch(/nothing added: all 30 orders are already in the store/);
    expect((await run(['--db', db, 'verify-audit'])).out).toBe('ok 1 rows\n');
  });

  it('exits 2 and writes nothing on a bad row; --skip-bad-rows takes the rest and saves rejects', async () => {
    const file = ordersFile('bad.csv', 10, (rows) => (rows[3]![6] = '2026-03-01'));
    const refused = await run(['--db', db, 'import', file]);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out).errors).toEqual([
      { row: 5, column: 'paidAt', message: expect.stringMatching(/^"2026-03-01" /) },
    ]);
    const rejects = join(dir, 'rejects.csv');
    const skipped = await run(['--db', db, 'import', file, '--skip-bad-rows', '--rejects', rejects]);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.out)).toMatchObject({ added: 9, skipped: 1 });
    expect(readFileSync(rejects, 'utf8')).toContain('row 5, column paidAt');
  });

  it('exits 3 and writes nothing into a damaged store', async () => {
    const damaged = await damagedStoreFile(dir);
    const result = await run(['--db', damaged, 'import', ordersFile('orders.csv', 3)]);
    expect(result.code).toBe(3);
    expect(result.err).toMatch(/damaged/);
  });

  it('groups the rows of one problem; --assume-offset reads times written without an offset', async () => {
    const file = ordersFile('bare.csv', 40, (rows) => {
      for (const row of rows) row[6] = row[6]!.slice(0, 19).replace('T', ' ');
    });
    const refused = await run(['--db', db, 'import', file]);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out).errorGroups).toEqual([
      { column: 'paidAt', message: expect.stringMatching(/has no UTC offset/), count: 40, rows: [[2, 41]] },
    ]);
    expect(refused.err).toMatch(
      /^refund-console import: 40 rows, column paidAt: "[^"]+" has no UTC offset.* \(rows 2–41\)$/m,
    );
    const taken = await run(['--db', db, 'import', file, '--assume-offset', '+00:00']);
    expect(taken.code).toBe(0);
    expect(JSON.parse(taken.out)).toMatchObject({ added: 40, errorGroups: [] });
    expect((await run(['--db', db, 'import', file, '--assume-offset', '8'])).code).toBe(2);
  });

  it('refuses a bad option', async () => {
    expect((await run(['--db', db, 'import', 'x.csv', '--amount-unit', 'jiao'])).code).toBe(2);
    expect((await run(['--db', db, 'import'])).err).toMatch(/missing FILE/);
  });
});

describe('a double quote inside an unquoted cell', () => {
  // As a marketplace export may have it: written as it is, not quoted the way csvText would.
  const strayQuote = () => {
    const path = ordersFile('quote.csv', 6, (rows) => (rows[3]![1] = 'RAW'));
    writeFileSync(path, readFileSync(path, 'utf8').replace('RAW', 'Li "Lee" Wei'));
    return path;
  };
  const named = /row 5, column customerName: a double quote inside a cell that does not begin with one/;

  it('ends import and --dry-run with exit 2, the row and column named, nothing written', async () => {
    for (const extra of [[], ['--dry-run'], ['--skip-bad-rows']]) {
      const result = await run(['--db', db, 'import', strayQuote(), ...extra]);
      expect(result.code).toBe(2);
      expect(JSON.parse(result.out)).toMatchObject({
        added: 0,
        errors: [{ row: 5, column: 'customerName', message: expect.stringMatching(/double quote/) }],
      });
    }
    expect(JSON.parse((await run(['--db', db, 'case', 'list', '--json'])).out).total).toBe(0);
  });

  it('ends decide --batch with exit 2 and the row named, on one thread or on workers', async () => {
    for (const workers of ['0', '1']) {
      const out = join(dir, `decisions-${workers}.csv`);
      const result = await run(['decide', '--batch', strayQuote(), '--out', out, '--workers', workers]);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(named);
    }
  });
});

describe('refund-console export', () => {
  it('writes the imported cases as CSV, JSON and XLSX files', async () => {
    await run(['--db', db, 'import', ordersFile('orders.csv', 12)]);
    for (const format of ['csv', 'json', 'xlsx']) {
      const out = join(dir, `cases.${format}`);
      const result = await run([
        '--db',
        db,
        'export',
        '--format',
        format,
        '--out',
        out,
        '--dates',
        'created',
      ]);
      expect(result).toMatchObject({ code: 0, err: `exported 12 cases to ${out}\n` });
    }
    expect(JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'))).toHaveLength(12);
    const zh = join(dir, 'zh.xlsx');
    const withLang = ['--db', db, 'export', '--format', 'xlsx', '--out', zh, '--dates', 'created'];
    expect((await run([...withLang, '--lang', 'zh'])).code).toBe(0);
    expect((await run([...withLang, '--lang', 'fr'])).code).toBe(2);
    expect((await run(['--db', db, 'export', '--format', 'xlsx'])).code).toBe(2);
    expect((await run(['--db', db, 'export', '--outcome', 'great', '--out', join(dir, 'x.csv')])).code).toBe(
      2,
    );
  });
});

describe('refund-console decide --batch', () => {
  it('writes one row per input row and exits 0 when every row was decided', async () => {
    const out = join(dir, 'decisions.csv');
    const result = await run(['decide', '--batch', ordersFile('orders.csv', 25), '--out', out]);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(26);
    expect(lines[1]).toMatch(/^2,O-2026-00000000,(eligible|conditional|ineligible|needs_info),/);
  });

  it('exits 2 listing the headers it reads when one is unknown; --excel-friendly starts with a BOM', async () => {
    const file = ordersFile('orders.csv', 3);
    writeFileSync(file, readFileSync(file, 'utf8').replace('orderId,', 'order_id,'));
    const refused = await run(['decide', '--batch', file]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/unknown column "order_id": the columns read are orderId, customerName, /);
    const out = join(dir, 'excel.csv');
    const excel = await run([
      'decide',
      '--batch',
      ordersFile('good.csv', 3),
      '--out',
      out,
      '--excel-friendly',
    ]);
    expect(excel.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFrow,orderId,outcome,refundAmount \(fen\),/);
  });

  it('exits 2 naming an order id that repeats, on one thread or on workers, every row still decided', async () => {
    const file = ordersFile('repeated.csv', 6);
    const lines = readFileSync(file, 'utf8').split('\n');
    // Rows 3 and 6 (lines 2 and 5) carry the order id of row 2.
    const id = lines[1]!.split(',')[0]!;
    for (const at of [2, 5]) lines[at] = [id, ...lines[at]!.split(',').slice(1)].join(',');
    writeFileSync(file, lines.join('\n'));
    for (const workers of ['0', '1']) {
      const out = join(dir, `repeated-${workers}.csv`);
      const result = await run(['decide', '--batch', file, '--out', out, '--workers', workers]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`order id ${id} is on rows 2, 3, 6`);
      expect(readFileSync(out, 'utf8').trimEnd().split('\r\n')).toHaveLength(7);
    }
  });

  it('exits 2 and says so when the output cannot be written', async () => {
    const out = join(dir, 'no such folder', 'decisions.csv');
    const result = await run(['decide', '--batch', ordersFile('orders.csv', 5), '--out', out]);
    expect(result).toMatchObject({ code: 2, err: `refund-console decide: cannot write ${out}: ENOENT\n` });
  });

  it('exits 2 with the error in the row that could not be decided', async () => {
    const out = join(dir, 'decisions.csv');
    const file = ordersFile('orders.csv', 5, (rows) => (rows[2]![5] = 'hardware'));
    expect((await run(['decide', '--batch', file, '--out', out])).code).toBe(2);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[3]).toMatch(/^4,O-2026-00000002,,.*productType: ""hardware"" is not a known product kind/);
  });
});
