// decide --batch end to end (read, parse, decide, write CSV) on BENCH_ROWS generated orders
// (default 1M): the goal is >= 200k rows/s. The rows/s of decide() alone on the same facts
// is measured in the same run, as the ceiling the CSV work is spent against.
import { once } from 'node:events';
import { mb } from '../measure';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decideBatch } from '../../electron/services/batch';
import { CANONICAL_HEADER, orderRow } from '../../electron/services/test-support/order-files';
import { csvLine } from '../../electron/services/csv';
import { generateCase, seededRandom } from '../../electron/store/test-support/generate';
import { decide } from '../../shared/policy';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const NOW = Date.parse('2026-03-02T00:00:00Z');
const DIR = join(import.meta.dirname, '..', '.data', 'batch');
mkdirSync(DIR, { recursive: true });
const input = join(DIR, `orders-${ROWS}.csv`);

const random = seededRandom(42);
const sample = Array.from({ length: 10_000 }, (_, i) => generateCase(random, i, NOW));
const file = createWriteStream(input);
file.write(csvLine(CANONICAL_HEADER, false));
for (let i = 0; i < ROWS; i++) {
  const row = orderRow(sample[i % sample.length]!, 'canonical');
  row[0] = `O-${i}`;
  if (!file.write(csvLine(row, false))) await once(file, 'drain');
}
await new Promise<void>((resolve) => file.end(() => resolve()));

let start = performance.now();
for (let i = 0; i < ROWS; i++) decide(sample[i % sample.length]!.facts, { now: NOW });
const decideMs = performance.now() - start;

start = performance.now();
const summary = await decideBatch({ file: input, out: join(DIR, 'decisions.csv'), now: NOW });
const batchMs = performance.now() - start;
if (summary.decided !== ROWS) throw new Error(`decided ${summary.decided} of ${ROWS}`);

const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString('en');
console.log(
  `\ndecide --batch benchmark: ${ROWS.toLocaleString('en')} rows, ${mb(statSync(input).size)} CSV, Node ${process.version}\n`,
);
console.log('| what | time | rows/s |\n| --- | ---: | ---: |');
console.log(`| decide() alone, same facts | ${decideMs.toFixed(0)} ms | ${rate(decideMs)} |`);
console.log(`| decideBatch: read, parse, decide, write | ${batchMs.toFixed(0)} ms | ${rate(batchMs)} |`);
console.log(
  `\nPeak resident memory: ${mb(process.memoryUsage().rss)} at the end. Goal: >= 200,000 rows/s end to end.`,
);
