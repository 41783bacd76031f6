// The case store on generated realistic cases, next to bare better-sqlite3 on the same rows in
// the same run. BENCH_CASES sets the size (default 100k; the README's figures use 1M).
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { NewCase } from '../../shared/model/case';
import { QueueQuerySchema, type QueueQuery } from '../../shared/ipc/contract';
import { importCases } from '../../electron/store/cases-bulk';
import { recordDecision } from '../../electron/store/decisions';
import initial from '../../electron/store/migrations/001-initial';
import { openStore } from '../../electron/store/open';
import { listCases } from '../../electron/store/queue';
import { formatRef } from '../../electron/store/refs';
import { searchCases } from '../../electron/store/search';
import { generateCase, seededRandom } from '../../electron/store/test-support/generate';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const CHUNK = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const NOW = Date.parse('2026-03-02T00:00:00Z');
const DIR = join(import.meta.dirname, '..', '.data', 'store');

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });

const results: { what: string; p50: string; p95: string; note: string }[] = [];
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

function timeOnce(run: () => void): number {
  const start = performance.now();
  run();
  sampleRss();
  return performance.now() - start;
}

/** p50 and p95 over RUNS calls of `run(i)`, after a few warm-up calls. */
function percentiles(what: string, note: string, run: (i: number) => void): number {
  for (let i = 0; i < 5; i++) run(i);
  const times = Array.from({ length: RUNS }, (_, i) => timeOnce(() => run(i))).sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)]!;
  results.push({ what, p50: ms(times[Math.floor(times.length / 2)]!), p95: ms(p95), note });
  return p95;
}

/** The same cases, chunk by chunk, so the benchmark's own JS rows never dominate memory. */
function* chunks(): Generator<NewCase[]> {
  const random = seededRandom(42);
  for (let start = 0; start < CASES; start += CHUNK) {
    yield Array.from({ length: Math.min(CHUNK, CASES - start) }, (_, i) =>
      generateCase(random, start + i, NOW),
    );
  }
}

function bareDatabase(name: string): Database.Database {
  const db = new Database(join(DIR, name));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

// 1. Bare better-sqlite3: one 10-column table, one index, plain inserts.
const bare = bareDatabase('bare.sqlite');
bare.exec(`CREATE TABLE cases (id INTEGER PRIMARY KEY, name, account, order_id, product, provider, kind, status,
  deadline, facts); CREATE INDEX cases_status_deadline ON cases (status, deadline, id)`);
const bareInsert = bare.prepare('INSERT INTO cases VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
let bareMs = 0;
for (const rows of chunks()) {
  bareMs += timeOnce(() =>
    bare.transaction(() => {
      for (const row of rows) {
        const { customer, orderId, productName, provider, facts } = row;
        const deadline = Date.parse(facts.paidAt!) + 5 * 86_400_000;
        bareInsert.run(
          customer.name,
          customer.accountId,
          orderId,
          productName,
          provider,
          facts.productType,
          'open',
          deadline,
          JSON.stringify(facts),
        );
      }
    })(),
  );
}

// 2. Bare better-sqlite3 on the store's own schema (indexes, FTS): what SQLite itself costs.
const schema = bareDatabase('schema.sqlite');
initial.up(schema);
const schemaCase =
  schema.prepare(`INSERT INTO cases (customer_name, account_id, contact, order_id, product_name,
  provider, product_type, facts, status, assignee, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`);
const schemaFts = schema.prepare(
  'INSERT INTO cases_fts (rowid, ref, customer, account_id, order_id, product, provider, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
);
let schemaMs = 0;
for (const rows of chunks()) {
  schemaMs += timeOnce(() =>
    schema.transaction(() => {
      for (const { customer, orderId, productName, provider, facts, assignee } of rows) {
        const id = Number(
          schemaCase.run(
            customer.name,
            customer.accountId,
            customer.contact ?? null,
            orderId,
            productName,
            provider,
            facts.productType,
            JSON.stringify(facts),
            assignee ?? null,
            NOW,
            NOW,
          ).lastInsertRowid,
        );
        schemaFts.run(
          id,
          formatRef(id),
          customer.name,
          customer.accountId,
          orderId,
          productName,
          provider,
          '',
        );
      }
    })(),
  );
}
schema.close();

// 3. The store: validation, decide() for the deadline preview, search entry, audit row.
const file = join(DIR, 'cases.sqlite');
let store = openStore({ file, now: () => NOW, autoBackup: false });
let storeMs = 0;
for (const rows of chunks()) storeMs += timeOnce(() => importCases(store, rows, 'bench'));
results.push(
  {
    what: 'bulk insert, bare (1 table, 1 index)',
    p50: ms(bareMs),
    p95: '',
    note: `${Math.round(CASES / (bareMs / 1000))} rows/s`,
  },
  {
    what: 'bulk insert, bare on the store schema',
    p50: ms(schemaMs),
    p95: '',
    note: `${(schemaMs / bareMs).toFixed(1)}x bare`,
  },
  {
    what: 'bulk insert, store (importCases)',
    p50: ms(storeMs),
    p95: '',
    note: `${(storeMs / bareMs).toFixed(1)}x bare, ${(storeMs / schemaMs).toFixed(1)}x bare on its schema`,
  },
);
store.close();
const importPeakRss = peakRss;
// Run with --expose-gc (npm run bench:store does) so the generated rows are gone before the
// store's own footprint is measured.
(globalThis as { gc?: () => void }).gc?.();
peakRss = 0;
const openMs = timeOnce(() => (store = openStore({ file, now: () => NOW, autoBackup: false })));
results.push({ what: 'open (quick_check, migrations)', p50: ms(openMs), p95: '', note: 'once' });

const random = seededRandom(7);
const anyId = () => 1 + Math.floor(random() * CASES);

// Queue pages: a bare indexed page for reference, then the store's pages (with their total).
const barePage = bare.prepare('SELECT * FROM cases WHERE status = ? ORDER BY deadline, id LIMIT 100');
percentiles('queue page, bare indexed query', 'status = open by deadline, 100 rows', () =>
  barePage.all('open'),
);
bare.close();
const page = (query: QueueQuery) => listCases(store, QueueQuerySchema.parse(query));
let cursor: string | undefined;
percentiles('queue page, store: open by deadline', 'walks pages by cursor, with total', () => {
  cursor = page({ status: ['open'], after: cursor }).next ?? undefined;
});
percentiles('queue page, store: all by last update', 'first page, with total', () =>
  page({ sort: 'updated' }),
);
percentiles('queue page, store: kind + assignee filter', 'image cases of one agent, with total', (i) =>
  page({ status: ['open'], productType: ['image'], assignee: `agent${i % 20}` }),
);

// Searches: selective (one order id, one account id) and broad (common words).
percentiles('search, order id', 'exact O-2026-…', () =>
  searchCases(store, `O-2026-${String(anyId() - 1).padStart(8, '0')}`, 50),
);
percentiles('search, account id', 'exact acc-…', () =>
  searchCases(store, `acc-${String((anyId() - 1) * 7 + 1_000_003).padStart(8, '0')}`, 50),
);
const BROAD = ['Wang', 'Pro', '王伟', 'image', 'Provider 12', 'example'];
percentiles('search, broad term, first page', BROAD.join(' / '), (i) =>
  searchCases(store, BROAD[i % BROAD.length]!, 50),
);

// Decisions: decide() on the stored facts, the decision row, queue columns, audit row, commit.
percentiles('record a decision (+ audit row)', 'synchronous = FULL commit', () =>
  recordDecision(store, { ref: formatRef(anyId()), agent: 'bench' }),
);
store.close();

console.log(
  `\nStore benchmark: ${CASES.toLocaleString('en')} cases, ${RUNS} runs per query, Node ${process.version}\n`,
);
console.log('| what | p50 (or total) | p95 | note |\n| --- | --- | --- | --- |');
for (const row of results) console.log(`| ${row.what} | ${row.p50} | ${row.p95} | ${row.note} |`);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
console.log(
  `| resident memory, open store under queries (peak rss) | ${mb(peakRss)} | | after the import, rows collected |`,
);
console.log(
  `| resident memory, during the import (peak rss) | ${mb(importPeakRss)} | | 100k generated rows held per chunk |`,
);
