import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCase, seededRandom } from '../../store/test-support/generate';
import {
  CANONICAL_HEADER,
  CHINESE_HEADER,
  csvText,
  orderRow,
  writeEncoded,
} from '../test-support/order-files';
import { decideBatch, MIN_BYTES_FOR_WORKERS, workersFor, type BatchOptions } from '.';
import { DecidePool } from './decide-pool';

const NOW = Date.parse('2026-03-02T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'decide-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/**
 * About 2.7 MB of orders (a dozen 256 KB read blocks, so every worker gets several), with rows
 * that cannot be decided spread through it and, from `quotedFrom` on, quoted cells (csv-parse
 * reads the rest of the file: the workers get records instead of lines from there).
 */
function orderRows(dialect: 'canonical' | 'chinese', quotedFrom: number): string[][] {
  const random = seededRandom(5);
  const rows = Array.from({ length: 20_000 }, (_, i) => orderRow(generateCase(random, i, NOW), dialect));
  for (let i = 0; i < rows.length; i += 1_237) {
    const row = rows[i]!;
    if (i % 3 === 0)
      row[5] = 'hardware'; // not a product kind
    else if (i % 3 === 1)
      row[6] = '2026-03-01'; // an instant without its offset
    else row[7] = '2020-01-01T00:00:00+08:00'; // asked before it was paid: decide() refuses it
  }
  rows[4_321]!.pop(); // a ragged row
  for (let i = quotedFrom; i < rows.length; i += 97) rows[i]![1] = `${rows[i]![1]}, "Ltd"`;
  rows[quotedFrom + 1]![3] = 'two\r\nlines';
  return rows;
}

/** Runs the batch on one thread and on workers; returns both outputs and summaries. */
async function bothPaths(file: string, options: Partial<BatchOptions> = {}) {
  const runs = [];
  for (const workers of [0, 3]) {
    const out = join(dir, `out-${files++}.csv`);
    const summary = await decideBatch({ file, out, now: NOW, workers, ...options });
    runs.push({ summary, output: readFileSync(out) });
  }
  return { oneThread: runs[0]!, onWorkers: runs[1]! };
}

// The process's threads, as Linux lists them. libuv starts its thread pool on the first
// asynchronous file operation: done before any count, so only worker threads make a difference.
const threadCount = () => readdirSync('/proc/self/task').length;
beforeAll(() => stat(dir));

describe('decideBatch on worker threads', { timeout: 120_000 }, () => {
  it('uses workers by default only for a large file', () => {
    expect(workersFor(MIN_BYTES_FOR_WORKERS - 1)).toBe(0);
    expect(workersFor(MIN_BYTES_FOR_WORKERS)).toBe(Math.min(availableParallelism(), 8));
  });

  it('writes byte for byte what one thread writes: UTF-8 with a BOM, CRLF, bad rows, quoted cells', async () => {
    const file = join(dir, `orders-${files++}.csv`);
    writeFileSync(file, `\uFEFF${csvText(CANONICAL_HEADER, orderRows('canonical', 15_000))}`);
    const { oneThread, onWorkers } = await bothPaths(file);
    expect(onWorkers.output.equals(oneThread.output)).toBe(true);
    expect(onWorkers.summary).toEqual(oneThread.summary);
    expect(oneThread.summary).toMatchObject({ rows: 20_000, errorCount: 18 });
    expect(onWorkers.summary.errors.map((problem) => problem.row)).toContain(4_323);
    expect(oneThread.output.toString('utf8')).toContain('\r\n15003,O-2026-00015001,');
  });

  it('writes the same from GBK named with --encoding, LF line ends, Chinese headers, amounts in yuan', async () => {
    const file = join(dir, `orders-${files++}.csv`);
    const text = csvText(CHINESE_HEADER, orderRows('chinese', 19_000)).replaceAll('\r\n', '\n');
    writeEncoded(file, text.replace('two\nlines', 'two\r\nlines'), 'gbk', false);
    const { oneThread, onWorkers } = await bothPaths(file, { encoding: 'gbk' });
    expect(onWorkers.output.equals(oneThread.output)).toBe(true);
    expect(onWorkers.summary).toEqual(oneThread.summary);
    expect(oneThread.summary).toMatchObject({ rows: 20_000, errorCount: 18 });
    expect(oneThread.output.toString('utf8')).toMatch(/\r\n4323,O-2026-00004321,,.*has 11 cells/);
  });

  it('reports the first 100 problems in row order, as one thread does', async () => {
    const random = seededRandom(9);
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      orderRow(generateCase(random, i, NOW), 'canonical'),
    );
    for (let i = 0; i < rows.length; i += 50) rows[i]![5] = 'hardware';
    const file = join(dir, `orders-${files++}.csv`);
    writeFileSync(file, csvText(CANONICAL_HEADER, rows));
    const { oneThread, onWorkers } = await bothPaths(file);
    expect(onWorkers.summary).toEqual(oneThread.summary);
    expect(onWorkers.summary.errorCount).toBe(400);
    expect(onWorkers.summary.errors.map((problem) => problem.row)).toEqual(
      Array.from({ length: 100 }, (_, i) => i * 50 + 2),
    );
  });

  it('stops every worker when cancelled, and rejects with the reason', async () => {
    const file = join(dir, `orders-${files++}.csv`);
    writeFileSync(file, csvText(CANONICAL_HEADER, orderRows('canonical', 19_990)));
    const before = threadCount();
    const cancel = new AbortController();
    let during = 0;
    const batch = decideBatch({
      file,
      out: join(dir, `out-${files++}.csv`),
      now: NOW,
      workers: 2,
      signal: cancel.signal,
      onProgress: () => {
        during = Math.max(during, threadCount());
        cancel.abort(new Error('cancelled by the test'));
      },
    });
    await expect(batch).rejects.toThrow('cancelled by the test');
    expect(during).toBeGreaterThanOrEqual(before + 2);
    expect(threadCount()).toBe(before);
  });

  it('fails with the write error when the output cannot be written, on either path', async () => {
    const file = join(dir, `orders-${files++}.csv`);
    writeFileSync(file, csvText(CANONICAL_HEADER, orderRows('canonical', 19_990)));
    const before = threadCount();
    for (const workers of [0, 2]) {
      const out = join(dir, 'no such folder', 'decisions.csv');
      await expect(decideBatch({ file, out, now: NOW, workers })).rejects.toThrow(/ENOENT/);
    }
    expect(threadCount()).toBe(before);
  });

  it('fails with the error of a worker that throws, and stops the others', async () => {
    const before = threadCount();
    const handedOn: number[] = [];
    const pool = new DecidePool(
      2,
      { header: CANONICAL_HEADER, amountUnit: undefined, now: NOW },
      async (r) => {
        handedOn.push(r.rows);
      },
    );
    await pool.add({ kind: 'lines', firstRow: 2, count: 1, lineEnd: '\r\n', text: '' });
    // Not a block the reader can make: the worker's loop over its records throws.
    await pool.add({ kind: 'records', records: null as never });
    await expect(pool.finish()).rejects.toThrow(/a decision worker failed: .*not iterable/);
    await expect(pool.add({ kind: 'records', records: [] })).rejects.toThrow('a decision worker failed');
    await pool.close();
    expect(threadCount()).toBe(before);
  });
});
