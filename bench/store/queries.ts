// The query half of the store benchmark, run by run.ts in a fresh process on the store it
// built, so the resident memory measured is the store's and not the import's generated rows.
import Database from 'better-sqlite3';
import { QueueQuerySchema, type QueueQuery } from '../../shared/model/queue';
import {
  accountHistory,
  claimNextCase,
  formatRef,
  listCases,
  openStore,
  recordDecision,
  searchCases,
} from '../../electron/store';
import { seededRandom } from '../../electron/store/test-support/generate';
import { mb, ms, peakRssSoFar, percentiles, timeOnce, type Row } from '../measure';

const baselineRss = process.memoryUsage().rss;
const [storeFile, bareFile, casesText, runsText] = process.argv.slice(2) as [string, string, string, string];
const CASES = Number(casesText);
const RUNS = Number(runsText);
/** The generator's clock (run.ts): windows close around it. */
const NOW = Date.parse('2026-03-02T00:00:00Z');
const rows: Row[] = [];
const measure = (what: string, note: string, run: (i: number) => unknown) =>
  rows.push(percentiles(what, note, RUNS, run));

const bare = new Database(bareFile, { readonly: true });
const barePage = bare.prepare('SELECT * FROM cases WHERE status = ? ORDER BY deadline, id LIMIT 100');
measure('queue page, bare indexed query', 'status = open by deadline, 100 rows', () => barePage.all('open'));
bare.close();

let store = openStore({ file: storeFile, autoBackup: false });
store.close();
const openMs = timeOnce(() => (store = openStore({ file: storeFile, autoBackup: false })));
rows.push({
  what: 'open (quick_check, migrations)',
  p50: ms(openMs),
  p95: '',
  note: 'once, warm file cache',
});

const page = (query: QueueQuery) => listCases(store, QueueQuerySchema.parse(query));
let cursor: string | undefined;
measure('queue page, store: open by deadline', '100 rows + total, paging on by cursor', () => {
  cursor = page({ status: ['open'], after: cursor }).next ?? undefined;
});
measure('queue page, store: all by last update', 'first page + total', () => page({ sort: 'updated' }));
measure('queue page, store: kind + assignee', 'open image cases of one agent + total', (i) =>
  page({ status: ['open'], productType: ['image'], assignee: `agent${i % 20}` }),
);

measure('queue page, store: provider', 'open cases of one provider + total', (i) =>
  page({ status: ['open', 'pending_customer'], provider: `Provider ${i % 300}` }),
);
measure('queue page, store: closing within 24 h', 'open windows closing in the next day + total', () =>
  page({
    status: ['open', 'pending_customer'],
    closesAfter: new Date(NOW).toISOString(),
    closesBefore: new Date(NOW + 86_400_000).toISOString(),
  }),
);

const random = seededRandom(7);
const anyIndex = () => Math.floor(random() * CASES);
measure('account history', "another case's account, 50 newest", () =>
  accountHistory(store, formatRef(1 + anyIndex())),
);
measure('search, order id', 'exact O-2026-…', () =>
  searchCases(store, `O-2026-${String(anyIndex()).padStart(8, '0')}`, 50),
);
measure('search, account id', 'exact acc-…', () =>
  searchCases(store, `acc-${String(anyIndex() * 7 + 1_000_003).padStart(8, '0')}`, 50),
);
const BROAD = ['Wang', 'Pro', '王伟', 'image', 'Provider 12', 'example', 'li wei'];
measure('search, broad words, first page', BROAD.join(' / '), (i) =>
  searchCases(store, BROAD[i % BROAD.length]!, 50),
);
const FAMILY = ['o-2026', 'acc'];
measure('search, prefix of an id family', `${FAMILY.join(' / ')} (worst case, see text)`, (i) =>
  searchCases(store, FAMILY[i % FAMILY.length]!, 50),
);

measure('claim next (+ audit row)', 'open unassigned by deadline, synchronous = FULL commit', () =>
  claimNextCase(store, 'bench'),
);
measure('record a decision (+ audit row)', 'synchronous = FULL commit', () =>
  recordDecision(store, { ref: formatRef(1 + anyIndex()), agent: 'bench' }),
);
store.close();
rows.push(
  {
    what: 'resident memory, store under queries',
    p50: mb(peakRssSoFar()),
    p95: '',
    note: 'peak rss of this process',
  },
  {
    what: 'resident memory, before opening',
    p50: mb(baselineRss),
    p95: '',
    note: 'Node + tsx + the modules loaded',
  },
);
process.stdout.write(JSON.stringify(rows));
