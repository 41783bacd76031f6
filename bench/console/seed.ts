import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createCase, openStore, recordDecision, type CaseStore } from '../../electron/store';
import type { NewCase } from '../../shared/model/case';
import { PRODUCT_TYPES } from '../../shared/model/facts';

const CITIES = [
  'Harbin',
  'Lanzhou',
  'Qingdao',
  'Xiamen',
  'Chengdu',
  'Wuhan',
  'Suzhou',
  'Dalian',
  'Kunming',
  'Nanjing',
];
const TRADES = [
  'Dumpling',
  'Noodle',
  'Brewing',
  'Tea',
  'Textile',
  'Robotics',
  'Logistics',
  'Studio',
  'Pharma',
];
const HOUR = 3_600_000;

/** Deterministic case i: names repeat (a city is in 1 of 10 cases), kinds and deadlines spread out. */
export function benchCase(i: number, now: number): NewCase {
  const kind = PRODUCT_TYPES[i % PRODUCT_TYPES.length]!;
  // Paid between 0 and 10 days ago, so windows range from long closed to days ahead.
  const paidAt = new Date(now - ((i * 7919) % (240 * 60)) * 60_000).toISOString();
  return {
    customer: { name: `${CITIES[i % 10]} ${TRADES[Math.floor(i / 10) % 9]} ${i}`, accountId: `acc-${i}` },
    orderId: `ORD-${String(i).padStart(8, '0')}`,
    productName: `${kind} plan ${i % 50}`,
    provider: 'Northwind Cloud',
    assignee: i % 4 === 0 ? 'Mei Lin' : 'Other Agent',
    facts: {
      productType: kind,
      orderAmount: 1000 + (i % 5000) * 100,
      paidAt,
      ...(kind === 'service'
        ? { serviceStatus: 'in_progress', guaranteeEndsAt: new Date(now + 48 * HOUR).toISOString() }
        : {}),
    },
  };
}

const DAY = 24 * HOUR;
/** The cases arrive over this many days before the seeding, so the dashboard has a history. */
const HISTORY_DAYS = 90;
const AGENTS = ['Mei Lin', 'Other Agent', 'Zhang Wei', 'Ann'];

/**
 * Six cases in ten are decided by one of four agents, 1 to 48 hours after they arrive (the
 * request is the case's arrival); one decision in twenty overrides the rules to a refund.
 */
function decideLater(store: CaseStore, i: number): { at: number; decide: () => void } | null {
  if (i % 10 >= 6) return null;
  const ref = `RC-${String(i + 1).padStart(6, '0')}`;
  const agent = AGENTS[i % AGENTS.length]!;
  const override =
    i % 20 === 0 ? { outcome: 'eligible' as const, justification: `goodwill for case ${i}` } : undefined;
  return {
    at: (1 + ((i * 7919) % 48)) * HOUR,
    decide: () =>
      recordDecision(store, { ref, agent, override, duplicateRefund: { justification: 'bench' } }),
  };
}

/**
 * A store with `count` cases under bench/.data, built once and reused: seeding a million cases
 * takes minutes, measuring takes seconds. Built under a temporary name, so an interrupted run
 * never leaves a half-filled store behind that looks complete. The name says the store holds
 * decisions (the dashboard's figures), so a store of cases alone seeded before is not reused.
 */
export function seedStore(count: number): string {
  const dir = path.resolve('bench/.data');
  const file = path.join(dir, `console-decided-${count}.sqlite`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const partial = `${file}.partial`;
  // Whatever an earlier, interrupted seeding left beside either name (the store keeps its audit
  // anchors and its lock beside the file) would make the store refuse a fresh start.
  for (const suffix of ['', '-wal', '-shm', '.anchors', '.lock', '.lock.json']) {
    rmSync(partial + suffix, { force: true });
    rmSync(file + suffix, { force: true });
  }
  const end = Date.now();
  const step = (HISTORY_DAYS * DAY) / count;
  const start = end - HISTORY_DAYS * DAY;
  let now = start;
  const store = openStore({
    file: partial,
    autoBackup: false,
    backupDir: path.join(dir, 'backups'),
    now: () => now,
  });
  const started = performance.now();
  const batch = 20_000;
  // Decisions due, by the index of the case whose arrival comes at or after them.
  const due = new Map<number, { at: number; decide: () => void }[]>();
  for (let from = 0; from < count; from += batch) {
    store.write(() => {
      for (let i = from; i < Math.min(from + batch, count); i++) {
        const arrives = start + i * step;
        for (const decision of (due.get(i) ?? []).sort((a, b) => a.at - b.at)) {
          now = decision.at;
          decision.decide();
        }
        due.delete(i);
        now = arrives;
        const input = benchCase(i, arrives);
        const facts = { ...input.facts, requestedAt: new Date(arrives).toISOString() };
        createCase(store, { ...input, facts }, 'bench');
        const later = decideLater(store, i);
        if (later === null) continue;
        const at = arrives + later.at;
        const index = Math.ceil((at - start) / step);
        if (index < count) due.set(index, [...(due.get(index) ?? []), { ...later, at }]);
      }
    });
    process.stdout.write(`\rseeding ${Math.min(from + batch, count)} / ${count}`);
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  // The anchors move with the file they vouch for; the lock files belong to no one once closed.
  renameSync(`${partial}.anchors`, `${file}.anchors`);
  renameSync(partial, file);
  for (const suffix of ['.lock', '.lock.json']) rmSync(partial + suffix, { force: true });
  console.log(` in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}
