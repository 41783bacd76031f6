// A CSV import through the import service (parsing, checks, decide() for the deadline,
// staging, the one-transaction write) against bare better-sqlite3 inserting the same rows,
// already parsed, into the store's own schema, in the same run. BENCH_ROWS sets the size.
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewCase } from '../../shared/model/case';
import { runImport } from '../../electron/services/import';
import { CANONICAL_HEADER, csvText, orderRow } from '../../electron/services/test-support/order-files';
import { formatRef, migrate, openStore } from '../../electron/store';
import { generateCase, seededRandom } from '../../electron/store/test-support/generate';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NOW = Date.parse('2026-03-02T00:00:00Z');
const DIR = join(import.meta.dirname, '..', '.data', 'import');

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });

const random = seededRandom(42);
const cases: NewCase[] = Array.from({ length: ROWS }, (_, i) => generateCase(random, i, NOW));
const csvFile = join(DIR, 'orders.csv');
writeFileSync(
  csvFile,
  csvText(
    CANONICAL_HEADER,
    cases.map((input) => orderRow(input, 'canonical')),
  ),
);

/** Bare better-sqlite3: the same rows into the store's schema (indexes, FTS), one transaction. */
function bare(file: string): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db, file);
  const insertCase = db.prepare(`INSERT INTO cases (customer_name, account_id, contact, order_id,
    product_name, provider, product_type, facts, status, assignee, window_closes_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`);
  const insertFts = db.prepare(`INSERT INTO cases_fts (rowid, ref, customer, account_id, order_id,
    product, provider, notes) VALUES (?, ?, ?, ?, ?, ?, ?, '')`);
  const start = performance.now();
  db.transaction(() => {
    for (const { customer, orderId, productName, provider, facts } of cases) {
      const { lastInsertRowid } = insertCase.run(
        customer.name,
        customer.accountId,
        customer.contact ?? null,
        orderId,
        productName,
        provider,
        facts.productType,
        JSON.stringify(facts),
        null,
        Date.parse(facts.paidAt!) + 5 * 86_400_000,
        NOW,
        NOW,
      );
      const id = Number(lastInsertRowid);
      insertFts.run(id, formatRef(id), customer.name, customer.accountId, orderId, productName, provider);
    }
  })();
  const total = performance.now() - start;
  db.close();
  return total;
}

let peakRss = 0;
async function service(file: string): Promise<number> {
  const store = openStore({ file, now: () => NOW, autoBackup: false });
  const start = performance.now();
  const summary = await runImport(store, {
    file: csvFile,
    actor: 'bench',
    onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
  });
  const total = performance.now() - start;
  if (summary.added !== ROWS)
    throw new Error(`imported ${summary.added} of ${ROWS}: ${JSON.stringify(summary.errors[0])}`);
  store.close();
  return total;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const bareTimes: number[] = [];
const serviceTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  bareTimes.push(bare(join(DIR, `bare-${run}.sqlite`)));
  serviceTimes.push(await service(join(DIR, `import-${run}.sqlite`)));
}
const bareMs = median(bareTimes);
const serviceMs = median(serviceTimes);
const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;

console.log(
  `\nImport benchmark: ${ROWS.toLocaleString('en')} rows, ${mb(statSync(csvFile).size)} CSV, median of ${RUNS}, Node ${process.version}\n`,
);
console.log('| what | time | rate | ratio |\n| --- | ---: | ---: | ---: |');
console.log(
  `| bare better-sqlite3 on the store schema (rows already parsed) | ${bareMs.toFixed(0)} ms | ${rate(bareMs)} | 1.0x |`,
);
console.log(
  `| import service (read, parse, check, stage, commit) | ${serviceMs.toFixed(0)} ms | ${rate(serviceMs)} | ${(serviceMs / bareMs).toFixed(2)}x |`,
);
console.log(`\nPeak resident memory during the import: ${mb(peakRss)}. Goal: <= 2x bare.`);
