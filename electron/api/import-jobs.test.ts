import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../shared/ipc/contract';
import type { ImportJob } from '../../shared/model/import';
import { CANONICAL_HEADER, csvText, orderRow } from '../services/test-support/order-files';
import { generateCase, seededRandom } from '../store/test-support/generate';
import { START, tempStore } from '../store/test-support/temp-store';
import { createHandlers, type Handlers } from './handlers';

let env: ReturnType<typeof tempStore>;
let h: Handlers;
beforeEach(() => {
  env = tempStore();
  h = createHandlers(env.store);
});
afterEach(() => env.cleanup());

function ordersFile(name: string, count: number): string {
  const random = seededRandom(7);
  const file = join(env.dir, name);
  const rows = Array.from({ length: count }, (_, i) => orderRow(generateCase(random, i, START), 'canonical'));
  writeFileSync(file, csvText(CANONICAL_HEADER, rows));
  return file;
}

const value = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const caseCount = () => env.store.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;

async function settle(job: string): Promise<ImportJob> {
  for (;;) {
    const view = value(await h['imports.progress']({ job }));
    if (view.state !== 'running') return api['imports.progress'].response.parse(view);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('background imports', () => {
  it('runs to the end and reports its progress and summary', async () => {
    const file = ordersFile('orders.csv', 50);
    const started = value(await h['imports.start']({ file, agent: 'ann' }));
    expect(started).toMatchObject({ state: 'running', summary: null });
    const ended = await settle(started.job);
    expect(ended).toMatchObject({ state: 'done', rows: 50, summary: { added: 50, committed: true } });
    expect(caseCount()).toBe(50);
  });

  it('cancelled while reading, writes nothing; a second start waits for the first', async () => {
    const file = ordersFile('big.csv', 20_000);
    const { job } = value(await h['imports.start']({ file, agent: 'ann' }));
    expect(await h['imports.start']({ file, agent: 'ann' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'an import is already running; wait for it to end or cancel it' },
    });
    expect(value(await h['imports.cancel']({ job })).job).toBe(job);
    const ended = await settle(job);
    expect(ended).toMatchObject({ state: 'cancelled', summary: { cancelled: true, added: 0 } });
    expect(caseCount()).toBe(0);
    // Cancelling an ended job changes nothing.
    expect(value(await h['imports.cancel']({ job })).state).toBe('cancelled');
  });

  it('all-or-nothing: a bad row ends the job with nothing written and the row named', async () => {
    const file = ordersFile('bad.csv', 5);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\r\n([^,]*),/, '\r\n$1,,'), 'utf8');
    const ended = await settle(value(await h['imports.start']({ file, agent: 'ann' })).job);
    expect(ended.state).toBe('done');
    expect(ended.summary).toMatchObject({ committed: false, added: 0, errorCount: expect.any(Number) });
    expect(ended.summary!.errors[0]!.row).toBe(2);
    expect(caseCount()).toBe(0);
  });

  it('a double quote inside an unquoted cell: preview answers, the job ends with the row named, the next import runs', async () => {
    const file = ordersFile('quote.csv', 5);
    const text = readFileSync(file, 'utf8').split('\r\n');
    text[3] = text[3]!.replace(/^([^,]*),([^,]*),/, '$1,$2 "Ltd",');
    writeFileSync(file, text.join('\r\n'));
    const problem = { row: 4, column: 'customerName', message: expect.stringMatching(/double quote/) };
    const preview = value(await h['imports.preview']({ file }));
    expect(preview).toMatchObject({ committed: false, errors: [problem] });
    const ended = await settle(value(await h['imports.start']({ file, agent: 'ann' })).job);
    expect(ended).toMatchObject({ state: 'done', summary: { committed: false, errors: [problem] } });
    expect(caseCount()).toBe(0);
    const next = await settle(
      value(await h['imports.start']({ file: ordersFile('good.csv', 3), agent: 'ann' })).job,
    );
    expect(next).toMatchObject({ state: 'done', summary: { added: 3 } });
  });

  it('an unknown job is not found', async () => {
    expect(await h['imports.progress']({ job: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('uploads from a browser', () => {
  it('joins the pieces into a file under its own name, which then imports', async () => {
    const text = readFileSync(ordersFile('source.csv', 3));
    const half = Math.floor(text.length / 2);
    const first = value(
      await h['imports.upload']({
        name: '../../march orders.csv',
        data: text.subarray(0, half).toString('base64'),
      }),
    );
    const second = value(
      await h['imports.upload']({
        upload: first.upload,
        name: 'march orders.csv',
        data: text.subarray(half).toString('base64'),
      }),
    );
    expect(basename(second.file)).toBe('march orders.csv');
    expect(second.file).not.toContain('..');
    expect(readFileSync(second.file)).toEqual(text);
    expect(value(await h['imports.run']({ file: second.file, agent: 'ann' })).added).toBe(3);
  });

  it('keeps only the latest few uploads on the disk', async () => {
    const data = Buffer.from('orderId\n').toString('base64');
    const files: string[] = [];
    for (let i = 0; i < 5; i++)
      files.push(value(await h['imports.upload']({ name: `f${i}.csv`, data })).file);
    expect(files.map((file) => existsSync(file))).toEqual([false, false, true, true, true]);
  });

  it('refuses other file kinds and text that is not base64', async () => {
    expect(await h['imports.upload']({ name: 'x.exe', data: '' })).toMatchObject({
      ok: false,
      error: { message: 'name: must end with .csv or .txt' },
    });
    expect(await h['imports.upload']({ name: 'x.csv', data: '***' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});

describe('saved mappings', () => {
  it('saves, replaces by name, lists in name order and deletes; settings stay as they were', async () => {
    const mapping = { name: 'Shop B', columns: { 单号: 'orderId', 备注: null }, amountUnit: 'yuan' as const };
    value(await h['importMappings.save'](mapping));
    value(await h['importMappings.save']({ ...mapping, name: 'Acme' }));
    const replaced = value(await h['importMappings.save']({ ...mapping, amountUnit: 'fen' }));
    expect(replaced.items.map((m) => [m.name, m.amountUnit])).toEqual([
      ['Acme', 'yuan'],
      ['Shop B', 'fen'],
    ]);
    expect(value(await h['settings.get']({}))).not.toHaveProperty('importMappings');
    expect(value(await h['importMappings.delete']({ name: 'Acme' })).items).toHaveLength(1);
    expect(value(await h['importMappings.list']({})).items[0]!.columns).toEqual(mapping.columns);
    expect(value(await h['audit.verify']({}))).toMatchObject({ ok: true, problems: [] });
  });
});

describe('export downloads', () => {
  it('answers the file as base64 for the filter, in each format', async () => {
    value(await h['imports.run']({ file: ordersFile('orders.csv', 6), agent: 'ann' }));
    const json = value(await h['exports.download']({ format: 'json', filter: { dates: 'created' } }));
    expect(json).toMatchObject({
      rows: 6,
      mimeType: 'application/json',
      name: expect.stringMatching(/\.json$/),
    });
    expect(JSON.parse(Buffer.from(json.data, 'base64').toString('utf8'))).toHaveLength(6);
    const csv = value(await h['exports.download']({ format: 'csv', filter: { status: ['closed'] } }));
    expect(Buffer.from(csv.data, 'base64').toString('utf8').trim().split('\n')).toHaveLength(1);
    // The queue's "closing" view: only cases whose window closes before the instant.
    const closing = (before: string) =>
      h['exports.download']({ format: 'json', filter: { closesBefore: before } }).then(value);
    const listed = value(await h['cases.list']({ closesBefore: '2026-03-05T00:00:00Z', limit: 500 }));
    expect(listed.total).toBeGreaterThan(0);
    expect((await closing('2026-03-05T00:00:00Z')).rows).toBe(listed.total);
    expect((await closing('2000-01-01T00:00:00Z')).rows).toBe(0);
    // Windows still to close only, as the queue lists them: none has closed since 2099.
    const stillOpen = await h['exports.download']({
      format: 'json',
      filter: { closesAfter: '2099-01-01T00:00:00Z', closesBefore: '2100-01-01T00:00:00Z' },
    }).then(value);
    expect(stillOpen.rows).toBe(0);
    expect(await h['exports.download']({ format: 'json', filter: { closesBefore: 'soon' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/^closesBefore: /) },
    });
    const xlsx = value(await h['exports.download']({ format: 'xlsx' }));
    expect(Buffer.from(xlsx.data, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
