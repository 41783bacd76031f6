import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCase, openStore, recordDecision } from '../../electron/store';
import { sampleCase, START } from '../../electron/store/test-support/temp-store';
import { pdfText } from '../../electron/reports/test-support/pdf-text';
import { EXIT } from '../errors';
import { main } from '../refund-console';
import { buildCli } from '../test-support/built-cli';
import { memoryIo } from '../test-support/memory-io';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-report-'));
  db = join(dir, 'cases.sqlite');
  const store = openStore({ file: db, autoBackup: false, now: () => START });
  for (const [i, name] of ['Li Wei', '<i>Ana</i>', '王芳'].entries()) {
    const input = sampleCase({ customer: { name, accountId: 'a-1' }, orderId: `O-report-${i}` });
    const ref = createCase(store, input, 'ann').detail.summary.ref;
    recordDecision(store, { ref, agent: 'Mei Lin' });
  }
  store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(['--db', db, 'report', ...argv], io);
  return { code, out: io.out, err: io.err };
}

describe('refund-console report', () => {
  it('writes one case as PDF, refuses to replace it without --force, and replaces it with', async () => {
    const out = join(dir, 'r.pdf');
    expect(await run('RC-000001', '--out', out)).toMatchObject({ code: EXIT.ok });
    expect(pdfText(readFileSync(out))).toContain('Refund decision RC-000001');
    writeFileSync(out, 'kept');
    const refused = await run('RC-000002', '--out', out);
    expect(refused.code).toBe(EXIT.badInput);
    expect(refused.err).toContain(`${out} already exists; --force replaces it`);
    expect(readFileSync(out, 'utf8')).toBe('kept');
    expect(await run('RC-000002', '--out', out, '--force')).toMatchObject({ code: EXIT.ok });
    expect(pdfText(readFileSync(out))).toContain('Refund decision RC-000002');
    // Two real prints, each starting Chromium: a machine running the whole suite needs more than 20 s.
  }, 60_000);

  it('writes HTML in Chinese on Letter paper, with the data as text', async () => {
    const out = join(dir, 'r.html');
    expect(
      await run('RC-000002', '--format', 'html', '--lang', 'zh', '--paper', 'letter', '--out', out),
    ).toMatchObject({
      code: EXIT.ok,
    });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('退款决定 RC-000002');
    expect(html).toContain('&lt;i&gt;Ana&lt;/i&gt;');
    expect(html).toContain('size: letter');
  });

  it('names an unknown ref or a wrong option plainly, with the exit code for bad input, and writes nothing', async () => {
    const out = join(dir, 'r.pdf');
    expect(await run('RC-000099', '--out', out)).toEqual({
      code: EXIT.badInput,
      out: '',
      err: 'refund-console report: no case RC-000099 in this store\n',
    });
    expect((await run('RC-9', '--out', out)).err).toContain('"RC-9" is not a case ref');
    expect((await run('RC-000001', '--out', out, '--format', 'docx')).err).toContain(
      '--format must be pdf or html',
    );
    expect((await run('RC-000001', '--out', out, '--paper', 'a3')).err).toContain(
      '--paper must be a4 or letter',
    );
    expect((await run('RC-000001')).err).toContain('--out FILE is needed');
    expect(existsSync(out)).toBe(false);
  });

  it('starts Chromium while the store opens, yet a bad ref is still the error when Chromium is missing', async () => {
    const out = join(dir, 'r.pdf');
    const before = process.env.REFUND_CONSOLE_CHROMIUM;
    process.env.REFUND_CONSOLE_CHROMIUM = join(dir, 'no-chromium');
    try {
      expect((await run('RC-000099', '--out', out)).err).toContain('no case RC-000099 in this store');
      const missing = await run('RC-000001', '--out', out);
      expect(missing.code).toBe(EXIT.internal);
      expect(missing.err).toContain(`no Chromium at ${join(dir, 'no-chromium')}`);
      expect((await run('RC-000001', '--out', join(dir, 'r.html'), '--format', 'html')).code).toBe(EXIT.ok);
    } finally {
      if (before === undefined) delete process.env.REFUND_CONSOLE_CHROMIUM;
      else process.env.REFUND_CONSOLE_CHROMIUM = before;
    }
    expect(existsSync(out)).toBe(false);
  });

  it('writes a batch through one browser, or nothing when one of its refs is unknown', async () => {
    const folder = join(dir, 'batch');
    const bad = await run('--batch', 'RC-000001,RC-000077', '--out', folder, '--format', 'html');
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.err).toContain('no case RC-000077');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    const good = await run('--batch', 'RC-000001, RC-000003', '--out', folder);
    expect(good).toMatchObject({ code: EXIT.ok, err: 'wrote 2 reports to ' + folder + '\n' });
    expect(readdirSync(folder).sort()).toEqual(['RC-000001.pdf', 'RC-000003.pdf']);
    expect(pdfText(readFileSync(join(folder, 'RC-000003.pdf')))).toContain('王芳');
  });

  it('writes every case a filter selects', async () => {
    const folder = join(dir, 'filtered');
    expect(await run('--filter', '--kind', 'saas', '--format', 'html', '--out', folder)).toMatchObject({
      code: EXIT.ok,
    });
    expect(readdirSync(folder).sort()).toEqual(['RC-000001.html', 'RC-000002.html', 'RC-000003.html']);
    expect((await run('--filter', '--kind', 'boat', '--out', folder)).err).toContain('the filter is invalid');
  });

  it('sums up a period as JSON on standard output, or HTML and PDF in a file', async () => {
    const period = ['period', '--from', '2026-03-01T00:00:00+08:00', '--to', '2026-03-03T00:00:00+08:00'];
    const answer = await run(...period, '--format', 'json');
    expect(answer.code).toBe(EXIT.ok);
    const figures = JSON.parse(answer.out);
    expect(figures).toMatchObject({ decidedCases: 3, byKind: [{ key: 'saas', n: 3 }] });
    expect(figures.cashRefunded).toEqual([{ currency: 'CNY', amount: 3 * 19900, cases: 3 }]);
    const out = join(dir, 'period.pdf');
    expect(await run(...period, '--lang', 'zh', '--out', out)).toMatchObject({ code: EXIT.ok });
    expect(pdfText(readFileSync(out))).toContain('退款决定汇总');
    expect((await run(...period, '--out', out)).err).toContain('already exists; --force replaces it');
  });

  it('refuses a period without both ends, with a bad instant, or in a format it has no use for', async () => {
    expect((await run('period', '--from', '2026-03-01T00:00:00Z', '--format', 'json')).err).toContain(
      'report period needs --from and --to',
    );
    const bad = await run(
      'period',
      '--from',
      'yesterday',
      '--to',
      '2026-03-01T00:00:00Z',
      '--format',
      'json',
    );
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.err).toContain('from: must be an ISO 8601 date-time');
    expect((await run('period', '--from', 'a', '--to', 'b', '--format', 'csv')).err).toContain(
      '--format must be pdf, html or json',
    );
    expect((await run('period', '--from', 'a', '--to', 'b')).err).toContain('--format pdf needs --out FILE');
    expect((await run('RC-000001', '--format', 'json', '--out', 'x')).err).toContain(
      '--format must be pdf or html',
    );
    // An option of another kind of report is refused, never ignored.
    expect((await run('period', '--from', 'a', '--to', 'b', '--status', 'open')).err).toContain(
      '--status does not apply to report period',
    );
    expect((await run('RC-000001', '--out', 'x', '--agent', 'ann')).err).toContain(
      '--agent does not apply to a case report',
    );
    expect((await run('RC-000001', '--out', 'x', '--kind', 'saas')).err).toContain(
      '--kind does not apply to REF or --batch (they take no filter)',
    );
  });
});

describe('the installed command', () => {
  let cli: ReturnType<typeof buildCli>;
  beforeAll(() => {
    cli = buildCli();
  });
  afterAll(() => cli.cleanup());

  it('loads neither exceljs nor playwright-core before it runs: only what a report needs', () => {
    // exceljs came with the API's export handlers (a few hundred ms of every report's start).
    for (const command of ['report', 'export', 'case']) {
      const loaded = [...cli.loadedBy(command)];
      expect(loaded).toContain('better-sqlite3');
      expect(loaded.filter((name) => name === 'exceljs' || name === 'playwright-core')).toEqual([]);
    }
  });

  it('reads the store without the API: none of its handlers, import parsing or team code', () => {
    const sources = [...cli.sourcesLoadedBy('report')];
    expect(sources.some((source) => source.includes('electron/store/'))).toBe(true);
    expect(sources.some((source) => source.includes('electron/reports/'))).toBe(true);
    expect(
      sources.filter((source) => /electron\/api\/|node_modules\/(pg|iconv-lite|csv-parse)\//.test(source)),
    ).toEqual([]);
  });
});
