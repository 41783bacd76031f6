// decide --batch end to end (read, parse, decide, write CSV) on BENCH_ROWS generated orders
// (default 1M): the goal is >= 200k rows/s. The rows/s of decide() alone on the same facts
// is measured in the same run, as the ceiling the CSV work is spent against, and the batch
// runs twice: on this thread alone, and on the worker threads it would use for this file.
import { once } from 'node:events';
import { mb } from '../measure';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { decideBatch, workersFor, type BatchSummary } from '../../electron/services/batch';
import { CANONICAL_HEADER, orderRow } from '../../electron/services/test-support/order-files';
import { csvLine } from '../../electron/services/csv';
import { generateCase, seededRandom } from '../../electron/store/test-support/generate';
import { decide } from '../../shared/policy';
import { buildCli } from '../../cli/test-support/built-cli';

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
// Both paths write their own file: the worker path must write what the one-thread path writes.
const outputs = { one: join(DIR, 'decisions-one-thread.csv'), workers: join(DIR, 'decisions-workers.csv') };
async function batchRun(out: string, workers: number) {
  let summary: BatchSummary | null = null;
  const took = await measure(async () => {
    summary = await decideBatch({ file: input, out, now: NOW, workers });
  });
  if (summary!.decided !== ROWS) throw new Error(`decided ${summary!.decided} of ${ROWS}`);
  return took;
}
const workers = workersFor(statSync(input).size) || availableParallelism();
const oneThread = await batchRun(outputs.one, 0);
const onWorkers = await batchRun(outputs.workers, workers);
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
if (digest(outputs.one) !== digest(outputs.workers)) throw new Error('the two paths wrote different files');

// The built CLI, as it is run: its workers start from out/cli/decide-worker.js (no tsx to load).
// CPU time of a finished child, from /proc (Linux): cutime and cstime, in ticks of 10 ms.
const childCpuMs = () => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
};
const cli = buildCli();
function cliRun(out: string, workers: number) {
  const [wall, cpu] = [performance.now(), childCpuMs()];
  const result = cli.run(['decide', '--batch', input, '--out', out, '--workers', String(workers)]);
  if (result.status !== 0) throw new Error(`the CLI failed: ${result.stderr}`);
  return { wall: performance.now() - wall, cpu: childCpuMs() - cpu };
}
const cliOneThread = cliRun(outputs.one, 0);
const cliWorkers = cliRun(outputs.workers, workers);
cli.cleanup();
if (digest(outputs.one) !== digest(outputs.workers))
  throw new Error('the two CLI runs wrote different files');

const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString('en');
console.log(
  `\ndecide --batch benchmark: ${ROWS.toLocaleString('en')} rows, ${mb(statSync(input).size)} CSV, Node ${process.version}\n`,
);
console.log('| what | wall | rows/s (wall) | CPU | rows/s (CPU) |\n| --- | ---: | ---: | ---: | ---: |');
for (const [what, took] of [
  ['decide() alone, same facts', alone],
  ['decideBatch on one thread: read, parse, decide, write', oneThread],
  [`decideBatch on ${workers} worker threads (the default for this file)`, onWorkers],
  ['built CLI, `decide --batch --workers 0`, Node start included', cliOneThread],
  [`built CLI, \`decide --batch --workers ${workers}\``, cliWorkers],
] as const) {
  console.log(
    `| ${what} | ${took.wall.toFixed(0)} ms | ${rate(took.wall)} | ${took.cpu.toFixed(0)} ms | ${rate(took.cpu)} |`,
  );
}
console.log(
  `\nCPU is this process's (all its threads) or the CLI child's. Each pair wrote the same bytes. Load average (1, 5, 15 min): ${loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')}.`,
);
console.log(
  `Peak resident memory: ${mb(process.memoryUsage().rss)} at the end. Goal: >= 200,000 rows/s end to end.`,
);
