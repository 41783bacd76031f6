// Replay of every stored case next to the same run's bare read of those rows plus decide()
// alone on the same facts. BENCH_CASES sets the size (default 100k; the README's figure uses
// 1M), BENCH_ROUNDS the rounds (median shown). The store is seeded once per size in
// bench/.data/replay-<N>.sqlite (delete it to reseed after a schema change).
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { importCases, openStore, streamCasesForReplay } from '../../electron/store';
import { generateCase, seededRandom } from '../../electron/store/test-support/generate';
import type { Facts } from '../../shared/model/facts';
import { decide, replayRows, RULE_BOOK } from '../../shared/policy';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CHUNK = 100_000;
const NOW = Date.parse('2026-03-02T00:00:00Z');
const DIR = join(import.meta.dirname, '..', '.data');
const FILE = join(DIR, `replay-${CASES}.sqlite`);
const FIRST_READING = RULE_BOOK.revision('v1');
const NEWEST = RULE_BOOK.revision('v1.1');

/**
 * Cases through the store's own import; one case in five gets a decision as the first reading
 * recorded it (with its trace, without a revision, as stored before revisions existed),
 * written in bulk since the benchmark measures reading, not recording.
 */
function seed(): void {
  mkdirSync(DIR, { recursive: true });
  const store = openStore({ file: FILE, now: () => NOW, autoBackup: false });
  const random = seededRandom(42);
  for (let start = 0; start < CASES; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, CASES - start) }, (_, i) =>
      generateCase(random, start + i, NOW),
    );
    const result = importCases(store, rows, 'bench');
    if (!result.ok) throw new Error(`seed: ${JSON.stringify(result.errors[0])}`);
  }
  store.close();
  const db = new Database(FILE);
  const insert = db.prepare(`INSERT INTO decisions (case_id, recorded_outcome, decision, facts, agent,
    decided_at) VALUES (?, ?, ?, ?, 'bench', ?)`);
  // All first, then the inserts: a connection cannot write while it iterates.
  const rows = db.prepare('SELECT id, facts FROM cases WHERE id % 5 = 0').all() as {
    id: number;
    facts: string;
  }[];
  db.transaction(() => {
    for (const row of rows) {
      const { policyRevision: _none, ...decision } = decide(JSON.parse(row.facts) as Facts, {
        now: NOW,
        policy: FIRST_READING,
        trace: true,
      });
      insert.run(row.id, decision.outcome, JSON.stringify(decision), row.facts, NOW);
    }
  })();
  db.close();
}

const time = (run: () => void) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (!existsSync(FILE)) {
  const seconds = time(seed) / 1000;
  console.log(`seeded ${FILE} in ${seconds.toFixed(0)} s`);
}
const store = openStore({ file: FILE, now: () => NOW, autoBackup: false });
const db = new Database(FILE, { readonly: true });

/** The rows a replay reads, as plainly as better-sqlite3 reads them: no parsing, no rules. */
function bareRead(): number {
  let count = 0;
  const rows = db.prepare(`SELECT c.id, c.facts, c.updated_at, d.decision FROM cases c
    LEFT JOIN decisions d ON d.id = (SELECT max(id) FROM decisions WHERE case_id = c.id) ORDER BY c.id`);
  for (const row of rows.iterate() as Iterable<{ facts: string }>) count += row.facts.length > 0 ? 1 : 0;
  return count;
}

/** The facts of every row parsed, as any reader of the store must: the share JSON.parse takes. */
function parseFacts(): void {
  const rows = db.prepare('SELECT facts FROM cases ORDER BY id');
  for (const row of rows.iterate() as Iterable<{ facts: string }>) JSON.parse(row.facts);
}

/** decide() alone on the same facts, parsed beforehand, chunk by chunk (only decide is timed). */
function decideAlone(): number {
  let total = 0;
  const rows = db.prepare('SELECT facts, updated_at FROM cases ORDER BY id LIMIT ? OFFSET ?');
  for (let offset = 0; offset < CASES; offset += CHUNK) {
    const chunk = (rows.all(CHUNK, offset) as { facts: string; updated_at: number }[]).map((row) => ({
      facts: JSON.parse(row.facts) as Facts,
      now: row.updated_at,
    }));
    total += time(() => {
      for (const { facts, now } of chunk) decide(facts, { now, policy: NEWEST });
    });
  }
  return total;
}

let changed = 0;
function replayAll(): void {
  changed = 0;
  for (const { result } of replayRows(streamCasesForReplay(store), NEWEST)) {
    if (result.change !== 'none') changed++;
  }
}

const rounds = {
  read: [] as number[],
  parse: [] as number[],
  decide: [] as number[],
  replay: [] as number[],
};
for (let round = 0; round < ROUNDS; round++) {
  rounds.read.push(time(bareRead));
  rounds.parse.push(time(parseFacts));
  rounds.decide.push(decideAlone());
  rounds.replay.push(time(replayAll));
}
store.close();
db.close();
const [read, parse, alone, replay] = [rounds.read, rounds.parse, rounds.decide, rounds.replay].map(
  median,
) as [number, number, number, number];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `\nReplay of ${CASES.toLocaleString('en')} stored cases (1 in 5 decided under v1) under v1.1, ` +
    `${ROUNDS} rounds, median (node ${process.version}); ${changed.toLocaleString('en')} would change\n`,
);
console.log('| what | time | per case |\n| --- | ---: | ---: |');
for (const [what, ms] of [
  ['bare read of the rows (better-sqlite3, no parsing)', read],
  ['decide() alone on the parsed facts', alone],
  ['sum of the two', read + alone],
  ['(for scale) reading the facts column with JSON.parse', parse],
  ['replay (stream, parse, decide, compare)', replay],
] as const) {
  console.log(`| ${what} | ${s(ms)} | ${((ms * 1000) / CASES).toFixed(2)} µs |`);
}
console.log(`\nreplay / (read + decide) = ${(replay / (read + alone)).toFixed(2)} (goal <= 1.5)`);
console.log(`replay / (read + JSON.parse + decide) = ${(replay / (read + parse + alone)).toFixed(2)}`);
