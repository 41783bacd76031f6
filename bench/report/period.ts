// The period report's figures over a store of BENCH_CASES cases (default 100k; every case
// decided, a tenth of them twice, some overridden) for a one-week period and for the whole
// store, against the bare count of the same decisions over the same index in the same run.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { periodFigures } from '../../electron/reports';
import { formatRef, importCases, openStore, periodPlans, recordDecision } from '../../electron/store';
import { generatedChunks } from '../../electron/store/test-support/generate';
import { PeriodQuerySchema } from '../../shared/model/period';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const START = Date.parse('2026-03-02T00:00:00Z');
const MINUTE = 60_000;
const DIR = join(import.meta.dirname, '..', '.data', 'report-period', String(CASES));
const DB = join(DIR, 'cases.sqlite');

mkdirSync(DIR, { recursive: true });
if (!existsSync(DB)) {
  // Decisions spread over 50 days, one a minute on average at 100k cases.
  let now = START;
  const store = openStore({ file: DB, now: () => now, autoBackup: false });
  for (const chunk of generatedChunks(CASES, 10_000, START)) importCases(store, chunk, 'bench');
  store.db.pragma('synchronous = OFF');
  const step = Math.max(1, Math.floor((50 * 24 * 60 * MINUTE) / CASES));
  for (let id = 1; id <= CASES; id++) {
    now += step;
    const ref = formatRef(id);
    const agent = `agent${id % 20}`;
    if (id % 50 === 0) {
      recordDecision(store, {
        ref,
        agent,
        override: { outcome: 'needs_info', justification: `check ${id}` },
      });
    } else recordDecision(store, { ref, agent });
    if (id % 10 === 0) recordDecision(store, { ref, agent });
  }
  store.close();
}

const store = openStore({ file: DB, autoBackup: false });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = (run: () => unknown) => {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return `${median(times).toFixed(0)} ms`;
};
const iso = (ms: number) => new Date(ms).toISOString();
// Whole days of the policy zone, so the figures come from the per-day aggregates (migration
// 12); the same periods a minute later are not whole days, and walk their decisions instead.
const week = { from: '2026-03-22T00:00:00+08:00', to: '2026-03-29T00:00:00+08:00' };
const all = { from: '2026-03-01T00:00:00+08:00', to: '2026-05-01T00:00:00+08:00' };
const minuteLater = (range: { from: string; to: string }) => ({
  from: iso(Date.parse(range.from) + MINUTE),
  to: iso(Date.parse(range.to) + MINUTE),
});
const count = (range: { from: string; to: string }) => () =>
  store
    .sql('SELECT count(*) FROM decisions WHERE decided_at >= ? AND decided_at < ?')
    .pluck()
    .get(Date.parse(range.from), Date.parse(range.to));

console.log(`| ${CASES.toLocaleString('en')} cases | median of ${RUNS} |`);
console.log('| --- | ---: |');
for (const [name, range] of [
  ['one week', week],
  ['whole store', all],
] as const) {
  console.log(`| ${name}: bare count of its decisions (baseline) | ${time(count(range))} |`);
  const figures = periodFigures(store, PeriodQuerySchema.parse({ ...range, replay: false }));
  console.log(
    `| ${name}: figures without replay (${figures.decidedCases} cases) | ${time(() => periodFigures(store, PeriodQuerySchema.parse({ ...range, replay: false })))} |`,
  );
  const walked = PeriodQuerySchema.parse({ ...minuteLater(range), replay: false });
  console.log(
    `| ${name}, a minute later (walked, not whole days) | ${time(() => periodFigures(store, walked))} |`,
  );
  console.log(
    `| ${name}: figures with the replay under the newest revision | ${time(() => periodFigures(store, PeriodQuerySchema.parse(range)))} |`,
  );
}
console.error(JSON.stringify(periodPlans(store, { from: Date.parse(week.from), to: Date.parse(week.to) })));
store.close();
