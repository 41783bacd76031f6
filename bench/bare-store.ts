import Database from 'better-sqlite3';
import type { NewCase } from '../shared/model/case';
import { formatRef, migrate, searchTexts } from '../electron/store';
import { cpuMsSince } from './measure';

/**
 * What else the bare insert writes, so that it writes exactly the rows the measured write
 * leaves behind: search entries as the store makes them (with CJK pairs and the ref's bare
 * digits; worked out before the clock starts), and a pull's applied event id and case key
 * per case.
 */
export interface SameRows {
  teamKeys?: readonly { eventId: string; caseKey: string }[];
}

/**
 * The baseline the write benchmarks compare against: bare better-sqlite3 inserting the same
 * case rows, already parsed, into the store's own schema (indexes, FTS) in one transaction,
 * with no checks, no audit and no counts. Without `same`, each search entry is the fields as
 * they are (the baseline earlier figures were measured against); with it, every row is as
 * the store writes it. Returns the milliseconds spent writing, in wall time and in this
 * process's CPU time (user + system; the generating of the rows left out).
 */
export function bareInsertCases(
  dbFile: string,
  chunks: Iterable<NewCase[]>,
  now: number,
  same?: SameRows,
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
  const insertApplied = db.prepare('INSERT INTO team_applied (event_id) VALUES (?)');
  const insertKey = db.prepare('INSERT INTO team_case_keys (case_id, case_key) VALUES (?, ?)');
  let total = 0;
  let cpu = 0;
  let index = 0;
  db.exec('BEGIN IMMEDIATE');
  for (const cases of chunks) {
    const texts = same === undefined ? null : cases.map(storedTexts);
    const start = performance.now();
    const startCpu = process.cpuUsage();
    for (const [i, { customer, orderId, productName, provider, facts }] of cases.entries()) {
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
      const ref = formatRef(id);
      if (texts === null) {
        insertFts.run(id, ref, customer.name, customer.accountId, orderId, productName, provider);
      } else {
        const text = texts[i]!;
        insertFts.run(
          id,
          `${ref} ${ref.slice(3)}`,
          text.customer,
          customer.accountId,
          orderId,
          text.product,
          text.provider,
        );
      }
      const team = same?.teamKeys?.[index++];
      if (team !== undefined) {
        insertApplied.run(team.eventId);
        insertKey.run(id, team.caseKey);
      }
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

const storedTexts = ({ customer, productName, provider }: NewCase) =>
  searchTexts({
    customer_name: customer.name,
    contact: customer.contact ?? null,
    account_id: customer.accountId,
    order_id: '',
    product_name: productName,
    provider,
  });
