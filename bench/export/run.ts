// Export of every case to CSV through the export service against the sqlite3 shell's -csv
// output of the same query on the same file, in the same run. BENCH_CASES sets the size
// (default 100k; the README's figures use 1M); the seeded store is kept and reused.
import { spawnSync } from 'node:child_process';
import { cpuMsSince, mb } from '../measure';
import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runExport } from '../../electron/services/export';
import {
  exportQuery,
  exportSql,
  importCases,
  openStore,
  recordDecision,
  formatRef,
} from '../../electron/store';
import { ExportFilterSchema } from '../../shared/model/export';
import { generateCase, seededRandom } from '../../electron/store/test-support/generate';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NOW = Date.parse('2026-03-02T00:00:00Z');
const DIR = join(import.meta.dirname, '..', '.data', 'export');
const DB = join(DIR, `cases-${CASES}.sqlite`);
const CHUNK = 100_000;

mkdirSync(DIR, { recursive: true });

/** Cases through the store's import, every third one decided: seeded once, then reused. */
function seed(): void {
  const store = openStore({ file: DB, now: () => NOW, autoBackup: false });
  const random = seededRandom(42);
  for (let start = 0; start < CASES; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, CASES - start) }, (_, i) =>
      generateCase(random, start + i, NOW),
    );
    importCases(store, rows, 'bench');
  }
  // Seeding only: a decision is its own transaction, and syncing each would take most of an hour.
  store.db.pragma('synchronous = OFF');
  for (let id = 1; id <= CASES; id += 3) recordDecision(store, { ref: formatRef(id), agent: 'bench' });
  store.close();
}
if (!existsSync(DB)) {
  const start = performance.now();
  seed();
  console.error(`seeded ${DB} in ${((performance.now() - start) / 1000).toFixed(0)} s`);
}

const sql = exportSql(exportQuery(ExportFilterSchema.parse({}), 'iso'));

interface Took {
  ms: number;
  cpuMs: number;
}

/** The shell under /usr/bin/time, for its CPU time (user + system) and peak memory. */
let shellPeakKb = 0;
function shell(out: string): Took {
  const fd = openSync(out, 'w');
  const start = performance.now();
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%U %S %M', 'sqlite3', '-csv', '-header', '-readonly', DB, sql],
    {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    },
  );
  const ms = performance.now() - start;
  closeSync(fd);
  if (result.status !== 0) throw new Error(`sqlite3 failed (${result.status}): ${result.stderr}`);
  const [user, system, peakKb] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [
    number,
    number,
    number,
  ];
  shellPeakKb = Math.max(shellPeakKb, peakKb);
  return { ms, cpuMs: (user + system) * 1000 };
}

let peakRss = 0;
async function service(out: string): Promise<Took> {
  const store = openStore({ file: DB, autoBackup: false });
  const start = performance.now();
  const startCpu = process.cpuUsage();
  const { rows } = await runExport(store, {
    format: 'csv',
    out,
    onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
  });
  const took = { ms: performance.now() - start, cpuMs: cpuMsSince(startCpu) };
  store.close();
  if (rows !== CASES) throw new Error(`exported ${rows} of ${CASES}`);
  return took;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const shellRuns: Took[] = [];
const serviceRuns: Took[] = [];
const loads = [loadavg()[0]!];
for (let run = 0; run < RUNS; run++) {
  shellRuns.push(shell(join(DIR, 'shell.csv')));
  serviceRuns.push(await service(join(DIR, 'service.csv')));
  loads.push(loadavg()[0]!);
}
const size = (file: string) => mb(statSync(join(DIR, file)).size);

console.log(
  `\nExport benchmark: ${CASES.toLocaleString('en')} cases (1 in 3 decided), CSV, median of ${RUNS}, Node ${process.version}, load average ${loads.map((l) => l.toFixed(1)).join(' → ')}\n`,
);
console.log(`Output: shell ${size('shell.csv')}, service ${size('service.csv')}.\n`);
console.log(
  '| time | sqlite3 shell -csv, same query | export service (CSV, formula cells neutralised) | ratio | ratio per run |',
);
console.log('| --- | ---: | ---: | ---: | --- |');
for (const [label, what] of [
  ['wall', 'ms'],
  ['CPU (user + system)', 'cpuMs'],
] as const) {
  const shellMs = median(shellRuns.map((run) => run[what]));
  const serviceMs = median(serviceRuns.map((run) => run[what]));
  const perRun = shellRuns.map((run, i) => (serviceRuns[i]![what] / run[what]).toFixed(2)).join(', ');
  console.log(
    `| ${label} | ${shellMs.toFixed(0)} ms | ${serviceMs.toFixed(0)} ms | ${(serviceMs / shellMs).toFixed(2)}x | ${perRun} |`,
  );
}
console.log(
  `\nPeak resident memory: export service process ${mb(peakRss)} (sampled at each page), sqlite3 shell ${mb(shellPeakKb * 1024)}. Goal: <= 2x the shell, memory bounded.`,
);
