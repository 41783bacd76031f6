import Database from 'better-sqlite3';
import type { NewCase } from '../shared/model/case';
import { formatRef, migrate } from '../electron/store';
import { cpuMsSince } from './measure';

/**
 * The baseline the write benchmarks compare against: bare better-sqlite3 inserting the same
 * case rows, already parsed, into the store's own schema (indexes, FTS) in one transaction,
 * with no checks, no audit and no counts. Returns the milliseconds spent writing, in wall
 * time and in this process's CPU time (user + system; the generating of the rows left out).
 */
export function bareInsertCases(
  dbFile: string,
  chunks: Iterable<NewCase[]>,
  now: number,
): { ms: number; cpuMs: number } {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db, dbFile);
  const insertCase = db.prepare(`INSERT INTO cases (customer_name, account_id, contact, order_id,
    product_name, provider, product_type, facts, status, assignee, window_closes_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`);
  const insertFts = db.prepare(`INSERT INTO cases_fts (rowid, ref, customer, account_id, order_id,
    product, provider, notes) VALUES (?, ?, ?, ?, ?, ?, ?, '')`);
  let total = 0;
  let cpu = 0;
  db.exec('BEGIN IMMEDIATE');
  for (const cases of chunks) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
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
        now,
        now,
      );
      const id = Number(lastInsertRowid);
      insertFts.run(id, formatRef(id), customer.name, customer.accountId, orderId, productName, provider);
    }
    total += performance.now() - start;
    cpu += cpuMsSince(startCpu);
  }
  const start = performance.now();
  const startCpu = process.cpuUsage();
  db.exec('COMMIT');
  total += performance.now() - start;
  cpu += cpuMsSince(startCpu);
  db.close();
  return { ms: total, cpuMs: cpu };
}
