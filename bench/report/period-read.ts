// The period report over a store this process only reads (BENCH_DB, e.g. the console
// benchmark's decided 1M store in another worktree): figures without the replay and the HTML,
// for the last 7, 30 and 90 whole policy-zone days, against a bare count of the period's
// overrides over the same index in the same run. `BENCH_DB=FILE npx tsx bench/report/period-read.ts`
import { loadavg } from 'node:os';
import { periodFigures, periodReportHtml } from '../../electron/reports';
import { readOnlyStore } from '../../electron/store/test-support/read-only';
import { PeriodQuerySchema } from '../../shared/model/period';

const FILE = process.env.BENCH_DB;
if (FILE === undefined) throw new Error('BENCH_DB=FILE names the store to read');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DAY = 86_400_000;
const { store, missing } = readOnlyStore(FILE);
if (missing.length > 0) console.log(`The store lacks migrations ${missing.join(', ')}: read as it is.\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
// Tomorrow's policy-zone (UTC+8) midnight: the periods end with today, as the dashboard's do.
const to =
  Date.parse(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`) + DAY;
const countOverrides = store.sql(
  `SELECT count(*) FROM decisions INDEXED BY decisions_overrides
   WHERE decided_at >= ? AND decided_at < ? AND override_justification IS NOT NULL`,
);

console.log(`Load average ${loadavg()[0]!.toFixed(1)} at the start.\n`);
console.log('| period | overrides | bare count | figures | HTML | HTML size |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const days of [7, 30, 90]) {
  const from = to - days * DAY;
  const query = PeriodQuerySchema.parse({
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    replay: false,
  });
  const count: number[] = [];
  const figures: number[] = [];
  const html: number[] = [];
  let overrides = 0;
  let size = 0;
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    overrides = countOverrides.pluck().get(from, to) as number;
    count.push(performance.now() - start);
    start = performance.now();
    const read = periodFigures(store, query);
    figures.push(performance.now() - start);
    start = performance.now();
    size = (await periodReportHtml(read, { language: 'en', paper: 'a4' })).length;
    html.push(performance.now() - start);
  }
  const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
  console.log(
    `| ${days} days | ${overrides.toLocaleString('en')} | ${ms(count)} | ${ms(figures)} | ${ms(html)} | ${(size / 1024).toFixed(0)} KB |`,
  );
}
console.log(`\nLoad average ${loadavg()[0]!.toFixed(1)} at the end.`);
store.close();
