// Export of every case to CSV through the export service against the sqlite3 shell's -csv
// output of the same query on the same file, in the same run. BENCH_CASES sets the size
// (default 100k; the README's figures use 1M); the seeded store is kept and reused.
import { spawnSync } from 'node:child_process';
import { mb } from '../measure';
import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
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

function shell(out: string): number {
  const fd = openSync(out, 'w');
  const start = performance.now();
  const result = spawnSync('sqlite3', ['-csv', '-header', '-readonly', DB, sql], {
    stdio: ['ignore', fd, 'inherit'],
  });
  const total = performance.now() - start;
  closeSync(fd);
  if (result.status !== 0) throw new Error(`sqlite3 failed (${result.status})`);
  return total;
}

let peakRss = 0;
async function service(out: string): Promise<number> {
  const store = openStore({ file: DB, autoBackup: false });
  const start = performance.now();
  const { rows } = await runExport(store, {
    format: 'csv',
    out,
    onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
  });
  const total = performance.now() - start;
  store.close();
  if (rows !== CASES) throw new Error(`exported ${rows} of ${CASES}`);
  return total;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const shellTimes: number[] = [];
const serviceTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  shellTimes.push(shell(join(DIR, 'shell.csv')));
  serviceTimes.push(await service(join(DIR, 'service.csv')));
}
const shellMs = median(shellTimes);
const serviceMs = median(serviceTimes);
const rate = (ms: number) => `${Math.round(CASES / (ms / 1000)).toLocaleString('en')} cases/s`;
const size = (file: string) => mb(statSync(join(DIR, file)).size);

console.log(
  `\nExport benchmark: ${CASES.toLocaleString('en')} cases (1 in 3 decided), CSV, median of ${RUNS}, Node ${process.version}\n`,
);
console.log('| what | time | rate | output | ratio |\n| --- | ---: | ---: | ---: | ---: |');
console.log(
  `| sqlite3 shell -csv, same query | ${shellMs.toFixed(0)} ms | ${rate(shellMs)} | ${size('shell.csv')} | 1.0x |`,
);
console.log(
  `| export service (CSV, formula cells neutralised) | ${serviceMs.toFixed(0)} ms | ${rate(serviceMs)} | ${size('service.csv')} | ${(serviceMs / shellMs).toFixed(2)}x |`,
);
console.log(
  `\nPeak resident memory during the export: ${mb(peakRss)}. Goal: <= 2x the shell, memory bounded.`,
);
