// The queue pages the dashboard drills into, over the console benchmark's store (BENCH_CASES,
// default 100k, seeded once by seed.ts): `npx tsx bench/console/drill.ts`. Each figure is the
// first two pages of 200 with the total, median of 5.
import { listCases, openStore } from '../../electron/store';
import { QueueQuerySchema } from '../../shared/model/queue';
import { seedStore } from './seed';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const store = openStore({ file: seedStore(CASES), autoBackup: false });
const DAY = 86_400_000;
const to =
  Date.parse(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`) + DAY;
const since = new Date(to - 7 * DAY).toISOString();
const before = new Date(to).toISOString();
const queries = {
  'outcome ineligible, 7 days': { latestOutcome: ['ineligible'], decidedSince: since, decidedBefore: before },
  'outcome ineligible, 30 days': {
    latestOutcome: ['ineligible'],
    decidedSince: new Date(to - 30 * DAY).toISOString(),
    decidedBefore: before,
  },
  'kind saas, 7 days': { productType: ['saas'], decidedSince: since, decidedBefore: before },
  'overrides by Mei Lin, 7 days': {
    decidedBy: 'Mei Lin',
    overridden: true,
    decidedSince: since,
    decidedBefore: before,
  },
  'overrides by Mei Lin, 30 days': {
    decidedBy: 'Mei Lin',
    overridden: true,
    decidedSince: new Date(to - 30 * DAY).toISOString(),
    decidedBefore: before,
  },
  'closing tomorrow': {
    status: ['open', 'pending_customer'],
    closesAfter: before,
    closesBefore: new Date(to + DAY).toISOString(),
  },
};
for (const [name, q] of Object.entries(queries)) {
  const parsed = QueueQuerySchema.parse({ ...q, limit: 200 });
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const page = listCases(store, parsed);
    total = page.total;
    if (page.next) listCases(store, { ...parsed, after: page.next });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${name} (${total.toLocaleString('en')} cases) | ${times[2]!.toFixed(0)} ms |`);
}
store.close();
