// The case store on generated realistic cases, next to bare better-sqlite3 on the same rows in
// the same run. BENCH_CASES sets the size (default 100k; the README's figures use 1M).
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { NewCase } from '../../shared/model/case';
import { formatRef, importCases, migrate, openStore } from '../../electron/store';
import { generatedChunks } from '../../electron/store/test-support/generate';
import { mb, ms, peakRssSoFar, timeOnce, type Row } from '../measure';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const CHUNK = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const NOW = Date.parse('2026-03-02T00:00:00Z');
const DIR = join(import.meta.dirname, '..', '.data', 'store');

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });

const chunks = () => generatedChunks(CASES, CHUNK, NOW);

function bareDatabase(name: string): Database.Database {
  const db = new Database(join(DIR, name));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

/** Inserts every chunk in its own transaction with `insert`; total milliseconds. */
function load(db: Database.Database, insert: (row: NewCase) => void): number {
  let total = 0;
  for (const rows of chunks()) total += timeOnce(db.transaction(() => rows.forEach(insert)));
  db.close();
  return total;
}

/** The bare contenders skip decide(), but their deadline index must see realistic keys too. */
const roughDeadline = (facts: NewCase['facts']) => Date.parse(facts.paidAt!) + 5 * 86_400_000;

// 1. Bare better-sqlite3: one 10-column table, one index, plain inserts.
const bare = bareDatabase('bare.sqlite');
bare.exec(`CREATE TABLE cases (id INTEGER PRIMARY KEY, name, account, order_id, product, provider, kind,
  status, deadline, facts); CREATE INDEX cases_status_deadline ON cases (status, deadline, id)`);
const bareInsert = bare.prepare('INSERT INTO cases VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const bareMs = load(bare, ({ customer, orderId, productName, provider, facts }) => {
  const deadline = roughDeadline(facts);
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
});

// 2. Bare better-sqlite3 on the store's own schema (its indexes and FTS): SQLite's share.
const schema = bareDatabase('schema.sqlite');
migrate(schema, 'schema.sqlite');
const schemaCase = schema.prepare(`INSERT INTO cases (customer_name, account_id, contact, order_id,
  product_name, provider, product_type, facts, status, assignee, window_closes_at, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`);
const schemaFts = schema.prepare(`INSERT INTO cases_fts (rowid, ref, customer, account_id, order_id,
  product, provider, notes) VALUES (?, ?, ?, ?, ?, ?, ?, '')`);
const schemaMs = load(schema, ({ customer, orderId, productName, provider, facts, assignee }) => {
  const { lastInsertRowid } = schemaCase.run(
    customer.name,
    customer.accountId,
    customer.contact ?? null,
    orderId,
    productName,
    provider,
    facts.productType,
    JSON.stringify(facts),
    assignee ?? null,
    roughDeadline(facts),
    NOW,
    NOW,
  );
  const id = Number(lastInsertRowid);
  schemaFts.run(id, formatRef(id), customer.name, customer.accountId, orderId, productName, provider);
});

// 3. The store's import: validation, decide() for the deadline, search entry, counts, audit.
const file = join(DIR, 'cases.sqlite');
const store = openStore({ file, now: () => NOW, autoBackup: false });
let storeMs = 0;
for (const rows of chunks()) storeMs += timeOnce(() => importCases(store, rows, 'bench'));
store.close();

const rate = (total: number) => `${Math.round(CASES / (total / 1000)).toLocaleString('en')} rows/s`;
const results: Row[] = [
  { what: 'bulk insert, bare (1 table, 1 index)', p50: ms(bareMs), p95: '', note: rate(bareMs) },
  {
    what: 'bulk insert, bare on the store schema',
    p50: ms(schemaMs),
    p95: '',
    note: `${rate(schemaMs)}, ${(schemaMs / bareMs).toFixed(1)}x bare`,
  },
  {
    what: 'bulk insert, store (importCases)',
    p50: ms(storeMs),
    p95: '',
    note: `${rate(storeMs)}, ${(storeMs / bareMs).toFixed(1)}x bare, ${(storeMs / schemaMs).toFixed(1)}x bare on its schema`,
  },
];
const importPeakRss = peakRssSoFar();

// The queries run in a fresh process on the files just built: see queries.ts.
const child = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    join(import.meta.dirname, 'queries.ts'),
    file,
    join(DIR, 'bare.sqlite'),
    String(CASES),
    String(RUNS),
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (child.status !== 0) throw new Error(`the query run failed (${child.status})`);
results.push(...(JSON.parse(child.stdout) as Row[]));

console.log(
  `\nStore benchmark: ${CASES.toLocaleString('en')} cases, ${RUNS} runs per query, Node ${process.version}\n`,
);
console.log('| what | p50 (or total) | p95 | note |\n| --- | --- | --- | --- |');
for (const row of results) console.log(`| ${row.what} | ${row.p50} | ${row.p95} | ${row.note} |`);
console.log(
  `| resident memory, during the import | ${mb(importPeakRss)} | | peak rss, ${CHUNK.toLocaleString('en')} generated rows held at a time |`,
);
