// A CSV import through the import service (parsing, checks, decide() for the deadline,
// staging, the one-transaction write) against bare better-sqlite3 inserting the same rows,
// already parsed, into the store's own schema, in the same run. BENCH_ROWS sets the size
// (default 100k); the service runs in a child process so its peak memory is measured alone.
import { bareInsertCases } from '../bare-store';
import { mb } from '../measure';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { csvLine } from '../../electron/services/csv';
import { CANONICAL_HEADER, orderRow } from '../../electron/services/test-support/order-files';
import { generatedChunks } from '../../electron/store/test-support/generate';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHUNK = 10_000;
const NOW = Date.parse('2026-03-02T00:00:00Z');
const DIR = join(import.meta.dirname, '..', '.data', 'import');

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });

const chunks = () => generatedChunks(ROWS, CHUNK, NOW);

const csvFile = join(DIR, 'orders.csv');
const file = createWriteStream(csvFile);
file.write(csvLine(CANONICAL_HEADER, false));
for (const cases of chunks()) {
  if (!file.write(cases.map((input) => csvLine(orderRow(input, 'canonical'), false)).join('')))
    await once(file, 'drain');
}
file.end();
await once(file, 'close');

function service(dbFile: string): { ms: number; cpuMs: number; maxRssMb: number } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'child.ts'), dbFile, csvFile, String(NOW)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`the import child failed (${child.status})`);
  const result = JSON.parse(child.stdout) as {
    ms: number;
    cpuMs: number;
    added: number;
    error: unknown;
    maxRssMb: number;
  };
  if (result.added !== ROWS)
    throw new Error(`imported ${result.added} of ${ROWS}: ${JSON.stringify(result.error)}`);
  return result;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const bare: { ms: number; cpuMs: number }[] = [];
const imports: { ms: number; cpuMs: number }[] = [];
let maxRssMb = 0;
const loads: number[] = [loadavg()[0]!];
for (let run = 0; run < RUNS; run++) {
  bare.push(bareInsertCases(join(DIR, `bare-${run}.sqlite`), chunks(), NOW));
  const result = service(join(DIR, `import-${run}.sqlite`));
  imports.push(result);
  maxRssMb = Math.max(maxRssMb, result.maxRssMb);
  loads.push(loadavg()[0]!);
}
const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;
const figures = (what: 'ms' | 'cpuMs') => {
  const bareMs = median(bare.map((run) => run[what]));
  const importMs = median(imports.map((run) => run[what]));
  // Each run's own ratio too: bare and import of one run saw about the same load.
  const ratios = bare.map((run, i) => imports[i]![what] / run[what]);
  return {
    bareMs,
    importMs,
    ratio: importMs / bareMs,
    runRatios: ratios.map((r) => r.toFixed(2)).join(', '),
  };
};

console.log(
  `\nImport benchmark: ${ROWS.toLocaleString('en')} rows, ${mb(statSync(csvFile).size)} CSV, median of ${RUNS}, Node ${process.version}, load average ${loads.map((l) => l.toFixed(1)).join(' → ')}\n`,
);
console.log(
  '| time | bare better-sqlite3 on the store schema (rows already parsed) | import service (read, parse, check, stage, commit) | ratio | ratio per run |',
);
console.log('| --- | ---: | ---: | ---: | --- |');
for (const [label, what] of [
  ['wall', 'ms'],
  ['CPU (user + system)', 'cpuMs'],
] as const) {
  const { bareMs, importMs, ratio, runRatios } = figures(what);
  console.log(
    `| ${label} | ${bareMs.toFixed(0)} ms (${rate(bareMs)}) | ${importMs.toFixed(0)} ms (${rate(importMs)}) | ${ratio.toFixed(2)}x | ${runRatios} |`,
  );
}
console.log(`\nPeak resident memory of the importing process: ${maxRssMb} MB. Goal: <= 2x bare.`);
