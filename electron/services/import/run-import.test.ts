import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase, getCase, listAudit, verifyAuditWithBackups } from '../../store';
import { generateCase, seededRandom } from '../../store/test-support/generate';
import { sampleCase, START, tempStore } from '../../store/test-support/temp-store';
import {
  CANONICAL_HEADER,
  CHINESE_HEADER,
  csvText,
  orderRow,
  writeEncoded,
} from '../test-support/order-files';
import { runImport, type ImportOptions } from '.';

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
  createCase(env.store, sampleCase({ orderId: 'O-existing' }), 'ann');
});
afterEach(() => env.cleanup());

const cases = (n: number, seed = 7) => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => generateCase(random, i, START));
};
const caseCount = () => env.store.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
const auditRows = () => env.store.db.prepare('SELECT count(*) FROM audit').pluck().get() as number;

function file(name: string, content: string | Buffer): string {
  const path = join(env.dir, name);
  writeFileSync(path, content);
  return path;
}

const run = (path: string, options: Partial<ImportOptions> = {}) =>
  runImport(env.store, { file: path, actor: 'importer', ...options });

describe('import: encodings', () => {
  const rows = cases(3).map((input) => orderRow(input, 'chinese'));
  rows[1]![1] = '王伟';
  const content = csvText(CHINESE_HEADER, rows);
  for (const [encoding, bom, detected] of [
    ['utf8', false, 'utf8'],
    ['utf8', true, 'utf8 (BOM)'],
    ['gbk', false, 'gb18030'],
    ['gb18030', false, 'gb18030'],
    ['utf16le', true, 'utf16le (BOM)'],
  ] as const) {
    it(`reads ${encoding}${bom ? ' with BOM' : ''}`, async () => {
      const path = join(env.dir, 'orders.csv');
      writeEncoded(path, content, encoding, bom);
      const summary = await run(path);
      expect(summary).toMatchObject({ added: 3, errors: [], encoding: detected, committed: true });
      const second = getCase(
        env.store,
        summary.firstRef!.replace(/\d+$/, (n) => String(Number(n) + 1).padStart(6, '0')),
      );
      expect(second.customer.name).toBe('王伟');
    });
  }

  it('takes an encoding override', async () => {
    const path = join(env.dir, 'orders.csv');
    writeEncoded(path, content, 'utf16le', false);
    expect((await run(path)).errors[0]!.message).toMatch(/control character/);
    expect(await run(path, { encoding: 'utf16le' })).toMatchObject({ added: 3, errors: [] });
  });
});

describe('import: header dialects and cells', () => {
  it('reads canonical headers in fen and Chinese headers in yuan to the same facts', async () => {
    const [input] = cases(1);
    await run(file('en.csv', csvText(CANONICAL_HEADER, [orderRow(input!, 'canonical')])));
    const zh = { ...input!, orderId: 'O-zh' };
    const summary = await run(file('zh.csv', csvText(CHINESE_HEADER, [orderRow(zh, 'chinese')])));
    const en = getCase(env.store, 'RC-000002');
    expect(getCase(env.store, summary.firstRef!).facts).toEqual(en.facts);
    expect(en.facts.orderAmount).toBe(input!.facts.orderAmount);
  });

  it('takes the unit from the header or the option, facts by name, 是/否, CRLF or LF, quoted newlines and quotes', async () => {
    const text =
      'orderId,customerName,accountId,productName,provider,productType,paidAt,orderAmount (yuan),voucherAmount,exclusions.scopeExceeded,是否开票\n' +
      'O-1,"Li ""Ann"" Wei",acc-1,"Site\r\nBuilder",Acme,saas,2026-03-01 10:00:00+08:00,199.00,10,否,是\r\n' +
      'O-2,Zhang,acc-2,Site,Acme,SaaS,2026-03-01T10:00:00+08:00,"1,299.5",5,true,no\n';
    const summary = await run(file('mixed.csv', text), { amountUnit: 'yuan' });
    expect(summary.errors).toEqual([]);
    const first = getCase(env.store, summary.firstRef!);
    expect(first.customer.name).toBe('Li "Ann" Wei');
    expect(first.summary.productName).toBe('Site\r\nBuilder');
    expect(first.facts).toMatchObject({
      orderAmount: 19900,
      voucherAmount: 1000,
      invoiceIssued: true,
      paidAt: '2026-03-01T10:00:00+08:00',
      exclusions: { scopeExceeded: false },
    });
    expect(getCase(env.store, summary.lastRef!).facts).toMatchObject({
      orderAmount: 129950,
      voucherAmount: 500,
    });
  });

  it('lets a mapping override what was detected, and ignores unknown headers', async () => {
    const text = 'order,customerName,accountId,productName,provider,notes\nO-9,Li,acc,Site,Acme,hello\n';
    const summary = await run(file('m.csv', text), { mapping: { order: 'orderId' } });
    expect(summary).toMatchObject({ added: 1, ignoredColumns: ['notes'] });
    expect(getCase(env.store, summary.firstRef!).summary.orderId).toBe('O-9');
  });
});

describe('import: duplicates, all-or-nothing, skipping', () => {
  it('adds an order already in the store only once: a second import adds nothing', async () => {
    const input = cases(50);
    const path = file(
      'o.csv',
      csvText(
        CANONICAL_HEADER,
        [sampleCase({ orderId: 'O-existing' }), ...input].map((c) => orderRow(c, 'canonical')),
      ),
    );
    expect(await run(path)).toMatchObject({ added: 50, duplicates: 1, committed: true });
    expect(await run(path)).toMatchObject({ added: 0, duplicates: 51, committed: false });
    expect(caseCount()).toBe(51);
    expect(auditRows()).toBe(2);
  });

  it('writes one audit row naming the file, its SHA-256 and the id range', async () => {
    const path = file(
      'march.csv',
      csvText(
        CANONICAL_HEADER,
        cases(10).map((c) => orderRow(c, 'canonical')),
      ),
    );
    await run(path);
    const [entry] = listAudit(env.store, 'RC-000005').filter((row) => row.action === 'cases.import');
    expect(entry!.detail).toMatchObject({
      file: 'march.csv',
      sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
      firstId: 2,
      lastId: 11,
      count: 10,
    });
    expect(verifyAuditWithBackups(env.store).ok).toBe(true);
  });

  it('writes nothing when one row is bad, unless bad rows are skipped; rejects are saved', async () => {
    const rows = cases(20).map((c) => orderRow(c, 'canonical'));
    rows[6]![8] = '12.5';
    const path = file('bad.csv', csvText(CANONICAL_HEADER, rows));
    expect(await run(path)).toMatchObject({
      added: 0,
      committed: false,
      errors: [{ row: 8, column: 'orderAmount', message: expect.stringMatching(/whole number/) }],
    });
    expect(caseCount()).toBe(1);
    const rejectsFile = join(env.dir, 'rejects.csv');
    expect(await run(path, { skipBadRows: true, rejectsFile })).toMatchObject({ added: 19, skipped: 1 });
    const rejects = readFileSync(rejectsFile, 'utf8').trimEnd().split('\r\n');
    expect(rejects).toHaveLength(2);
    expect(rejects[0]).toBe(`\uFEFF${CANONICAL_HEADER.join(',')},error`);
    expect(rejects[1]).toContain('row 8, column orderAmount:');
  });

  it('checks everything and writes nothing on a dry run', async () => {
    const path = file(
      'd.csv',
      csvText(
        CANONICAL_HEADER,
        cases(5).map((c) => orderRow(c, 'canonical')),
      ),
    );
    expect(await run(path, { dryRun: true })).toMatchObject({ added: 5, committed: false });
    expect(caseCount()).toBe(1);
  });
});

describe('import: bad input changes nothing and says where', () => {
  const good = () => cases(3).map((c) => orderRow(c, 'canonical'));
  const withCell = (column: number, value: string) => {
    const rows = good();
    rows[1]![column] = value;
    return csvText(CANONICAL_HEADER, rows);
  };
  // As the file has it, not quoted the way csvText would write it.
  const withRawCell = (column: number, value: string) => withCell(column, 'RAW').replace('RAW', value);
  const examples: [string, string | Buffer, { row: number; column: string | null; message: RegExp }][] = [
    ['an empty file', '', { row: 1, column: null, message: /empty/ }],
    [
      'a header only',
      `${CANONICAL_HEADER.join(',')}\r\n`,
      { row: 2, column: null, message: /header but no rows/ },
    ],
    [
      'binary garbage',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]),
      { row: 1, column: null, message: /not a CSV text file/ },
    ],
    [
      'a missing column',
      'orderId,customerName\nO-1,Li\n',
      { row: 1, column: null, message: /lacks the columns accountId, productName, provider/ },
    ],
    [
      'a ragged row',
      `${CANONICAL_HEADER.join(',')}\nO-1,Li\n`,
      { row: 2, column: null, message: /has 2 cells where the header has 12/ },
    ],
    [
      'a word for an amount',
      withCell(8, 'lots'),
      { row: 3, column: 'orderAmount', message: /"lots" is not an amount/ },
    ],
    [
      'an unknown product kind',
      withCell(5, 'hardware'),
      { row: 3, column: 'productType', message: /"hardware" is not a known product kind/ },
    ],
    [
      'a date without offset',
      withCell(6, '2026-03-01T10:00:00'),
      { row: 3, column: 'paidAt', message: /has no UTC offset/ },
    ],
    ['a bad boolean', withCell(11, 'maybe'), { row: 3, column: 'invoiceIssued', message: /not yes or no/ }],
    ['a bad currency', withCell(10, 'yuan'), { row: 3, column: 'currency', message: /ISO 4217/ }],
    [
      'an unclosed quote',
      `${CANONICAL_HEADER.join(',')}\nO-1,"Li\n`,
      { row: 2, column: 'customerName', message: /a double quote opens this cell and is never closed/ },
    ],
    [
      'a stray double quote inside a cell',
      withRawCell(1, 'Li "Lee" Wei'),
      {
        row: 3,
        column: 'customerName',
        message: /a double quote inside a cell that does not begin with one/,
      },
    ],
  ];
  for (const [what, content, problem] of examples) {
    it(`reports ${what}`, async () => {
      const summary = await run(file('bad.csv', content));
      expect(summary.committed).toBe(false);
      expect(summary.errors[0]).toMatchObject({
        ...problem,
        message: expect.stringMatching(problem.message),
      });
      expect(caseCount()).toBe(1);
      expect(auditRows()).toBe(1);
    });
  }

  it('ends a dry run, or one that skips bad rows, on a stray double quote too, with the row named', async () => {
    const rows = cases(3).map((c) => orderRow(c, 'canonical'));
    rows[2]![3] = 'RAW';
    const path = file('quote.csv', csvText(CANONICAL_HEADER, rows).replace('RAW', 'a"b'));
    for (const options of [{ dryRun: true }, { skipBadRows: true }, { dryRun: true, skipBadRows: true }]) {
      const summary = await run(path, options);
      expect(summary).toMatchObject({ committed: false, added: 0, errorCount: 1 });
      expect(summary.errors).toEqual([
        { row: 4, column: 'productName', message: expect.stringMatching(/double quote/) },
      ]);
    }
    expect(caseCount()).toBe(1);
  });

  it('reports an amount with three decimals in yuan', async () => {
    const rows = cases(2).map((c) => orderRow(c, 'chinese'));
    rows[0]![8] = '199.005';
    const summary = await run(file('zh.csv', csvText(CHINESE_HEADER, rows)));
    expect(summary.errors).toEqual([
      { row: 2, column: '订单金额', message: '"199.005" has 3 decimal places; CNY amounts have at most 2' },
    ]);
  });

  it('refuses a file that grows while it is read', async () => {
    const path = file(
      'growing.csv',
      csvText(
        CANONICAL_HEADER,
        cases(5000).map((c) => orderRow(c, 'canonical')),
      ),
    );
    let appended = false;
    const summary = await run(path, {
      onProgress: () => {
        if (!appended)
          appendFileSync(path, orderRow(sampleCase({ orderId: 'O-late' }), 'canonical').join(',') + '\r\n');
        appended = true;
      },
    });
    expect(summary.errors[0]!.message).toMatch(/changed while it was read/);
    expect(summary.committed).toBe(false);
    expect(caseCount()).toBe(1);
  });
});

describe('import: a header that lacks a column', () => {
  it('still tells how each header was read, so the Import screen can offer to map the missing one', async () => {
    const summary = await run(file('short.csv', '单号,customerName\nO-1,Li\n'), { dryRun: true });
    expect(summary.errors[0]!.message).toMatch(/lacks the columns orderId, accountId/);
    expect(summary.mapping).toEqual([
      { header: '单号', column: null, unit: null },
      { header: 'customerName', column: 'customerName', unit: null },
    ]);
  });
});

describe('import: cancel', () => {
  it('leaves the store as it was when cancelled halfway', async () => {
    const path = file(
      'big.csv',
      csvText(
        CANONICAL_HEADER,
        cases(20_000).map((c) => orderRow(c, 'canonical')),
      ),
    );
    const cancel = new AbortController();
    const summary = await run(path, {
      signal: cancel.signal,
      onProgress: ({ bytesRead, size }) => {
        if (bytesRead > size / 2) cancel.abort();
      },
    });
    expect(summary).toMatchObject({ cancelled: true, committed: false, added: 0 });
    expect(summary.rows).toBeGreaterThan(0);
    expect(caseCount()).toBe(1);
    expect(auditRows()).toBe(1);
    expect(
      env.store.db
        .prepare("SELECT count(*) FROM temp.sqlite_master WHERE name LIKE 'import_stage%'")
        .pluck()
        .get(),
    ).toBe(0);
  });
});

describe('import: a marketplace export whose times have no offset', () => {
  // Its local time, written bare as such exports do: "2026-02-21 07:36:00".
  const bare = (iso: string) =>
    new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  const marketplaceFile = () => {
    const rows = cases(300).map((c) => orderRow(c, 'chinese'));
    for (const row of rows) if (row !== rows[149]) [row[6], row[7]] = [bare(row[6]!), bare(row[7]!)];
    rows[149]![8] = 'lots';
    return file('market.csv', csvText(CHINESE_HEADER, rows));
  };

  it('groups the errors of one kind with their rows', async () => {
    const summary = await run(marketplaceFile());
    expect(summary.errorCount).toBe(300);
    expect(summary.errorGroups).toEqual([
      {
        column: '支付时间',
        message: expect.stringMatching(/has no UTC offset/),
        count: 299,
        rows: [
          [2, 150],
          [152, 301],
        ],
      },
      { column: '订单金额', message: '"lots" is not an amount (e.g. 199.00)', count: 1, rows: [[151, 151]] },
    ]);
  });

  it('reads them in the offset it is told, and records that offset in the audit row', async () => {
    const path = marketplaceFile();
    const summary = await run(path, { assumeOffset: '+08:00', skipBadRows: true });
    expect(summary).toMatchObject({ added: 299, skipped: 1, errorCount: 1 });
    const first = getCase(env.store, summary.firstRef!);
    expect(first.facts.paidAt).toBe(`${bare(cases(1)[0]!.facts.paidAt!).replace(' ', 'T')}+08:00`);
    const [entry] = listAudit(env.store, summary.firstRef!).filter((row) => row.action === 'cases.import');
    expect(entry!.detail).toMatchObject({ file: 'market.csv', assumedOffset: '+08:00', count: 299 });
  });
});

describe('import: empty rows and empty cells', () => {
  it('skips and counts rows with no text (blank, or only separators), and names an empty required cell by its column', async () => {
    const rows = cases(4).map((c) => orderRow(c, 'chinese'));
    rows[1]![0] = ' ';
    rows[2]![1] = '';
    const lines = csvText(CHINESE_HEADER, rows).split('\r\n');
    lines.splice(2, 0, ',,,,,,,,,,,', '');
    const summary = await run(file('excel.csv', lines.join('\r\n')), { skipBadRows: true });
    expect(summary).toMatchObject({ rows: 4, emptyRows: 2, added: 2, skipped: 2 });
    expect(summary.errors).toEqual([
      { row: 5, column: '订单号', message: 'must not be empty' },
      { row: 6, column: '客户名称', message: 'must not be empty' },
    ]);
  });
});

describe('import: a file in another encoding than the one detected', () => {
  it('refuses a row whose text could not be decoded, naming row and column; read in its encoding, it imports', async () => {
    const rows = cases(3).map((c) => orderRow(c, 'canonical'));
    rows[1]![1] = 'Zoë Müller';
    const path = join(env.dir, 'latin1.csv');
    writeEncoded(path, csvText(CANONICAL_HEADER, rows), 'latin1', false);
    const refused = await run(path);
    expect(refused).toMatchObject({ committed: false, encoding: 'gb18030' });
    expect(refused.errors).toEqual([
      {
        row: 3,
        column: 'customerName',
        message: expect.stringMatching(/^"Zo\uFFFD.*" has characters that could not be decoded/),
      },
    ]);
    const taken = await run(path, { encoding: 'latin1' });
    expect(taken).toMatchObject({ added: 3, errors: [] });
    expect(
      getCase(
        env.store,
        taken.firstRef!.replace(/\d+$/, (n) => String(Number(n) + 1).padStart(6, '0')),
      ).customer.name,
    ).toBe('Zoë Müller');
  });
});
