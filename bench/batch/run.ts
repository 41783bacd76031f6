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

/** Wall time, and this process's CPU time (user + system): the steadier figure on a busy machine. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
async function measure(run: () => unknown): Promise<{ wall: number; cpu: number }> {
  const [wall, cpu] = [performance.now(), cpuMs()];
  await run();
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
}

const alone = await measure(() => {
  for (let i = 0; i < ROWS; i++) decide(sample[i % sample.length]!.facts, { now: NOW });
});
let summary: Awaited<ReturnType<typeof decideBatch>> | null = null;
const batch = await measure(async () => {
  summary = await decideBatch({ file: input, out: join(DIR, 'decisions.csv'), now: NOW });
});
if (summary!.decided !== ROWS) throw new Error(`decided ${summary!.decided} of ${ROWS}`);

const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString('en');
console.log(
  `\ndecide --batch benchmark: ${ROWS.toLocaleString('en')} rows, ${mb(statSync(input).size)} CSV, Node ${process.version}\n`,
);
console.log('| what | wall | rows/s (wall) | CPU | rows/s (CPU) |\n| --- | ---: | ---: | ---: | ---: |');
for (const [what, took] of [
  ['decide() alone, same facts', alone],
  ['decideBatch: read, parse, decide, write', batch],
] as const) {
  console.log(
    `| ${what} | ${took.wall.toFixed(0)} ms | ${rate(took.wall)} | ${took.cpu.toFixed(0)} ms | ${rate(took.cpu)} |`,
  );
}
console.log(
  `\nPeak resident memory: ${mb(process.memoryUsage().rss)} at the end. Goal: >= 200,000 rows/s end to end.`,
);
