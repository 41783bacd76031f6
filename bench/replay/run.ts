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

/** Wall time and this process's CPU time (user + system), in ms. */
interface Took {
  wall: number;
  cpu: number;
}
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const took = (run: () => void): Took => {
  const [wall, cpu] = [performance.now(), cpuMs()];
  run();
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (!existsSync(FILE)) {
  const seconds = took(seed).wall / 1000;
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
function decideAlone(): Took {
  const total = { wall: 0, cpu: 0 };
  const rows = db.prepare('SELECT facts, updated_at FROM cases ORDER BY id LIMIT ? OFFSET ?');
  for (let offset = 0; offset < CASES; offset += CHUNK) {
    const chunk = (rows.all(CHUNK, offset) as { facts: string; updated_at: number }[]).map((row) => ({
      facts: JSON.parse(row.facts) as Facts,
      now: row.updated_at,
    }));
    const chunkTook = took(() => {
      for (const { facts, now } of chunk) decide(facts, { now, policy: NEWEST });
    });
    total.wall += chunkTook.wall;
    total.cpu += chunkTook.cpu;
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
  read: [] as Took[],
  parse: [] as Took[],
  decide: [] as Took[],
  replay: [] as Took[],
};
for (let round = 0; round < ROUNDS; round++) {
  rounds.read.push(took(bareRead));
  rounds.parse.push(took(parseFacts));
  rounds.decide.push(decideAlone());
  rounds.replay.push(took(replayAll));
}
store.close();
db.close();
const medianOf = (clock: keyof Took) =>
  [rounds.read, rounds.parse, rounds.decide, rounds.replay].map((list) =>
    median(list.map((entry) => entry[clock])),
  ) as [number, number, number, number];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perCase = (ms: number) => `${((ms * 1000) / CASES).toFixed(2)} µs`;
console.log(
  `\nReplay of ${CASES.toLocaleString('en')} stored cases (1 in 5 decided under v1) under v1.1, ` +
    `${ROUNDS} rounds, median (node ${process.version}); ${changed.toLocaleString('en')} would change\n`,
);
// Wall time is what the goal names; the process's CPU time is the steadier figure when other
// work shares the cores (waiting for a core counts in wall time only).
const [wall, cpu] = [medianOf('wall'), medianOf('cpu')];
console.log('| what | wall | per case | CPU | per case |\n| --- | ---: | ---: | ---: | ---: |');
const sum = (figures: number[]) => figures[0]! + figures[2]!;
for (const [what, pick] of [
  ['bare read of the rows (better-sqlite3, no parsing)', (f: number[]) => f[0]!],
  ['decide() alone on the parsed facts', (f: number[]) => f[2]!],
  ['sum of the two', sum],
  ['(for scale) reading the facts column with JSON.parse', (f: number[]) => f[1]!],
  ['replay (stream, parse, decide, compare)', (f: number[]) => f[3]!],
] as const) {
  console.log(
    `| ${what} | ${s(pick(wall))} | ${perCase(pick(wall))} | ${s(pick(cpu))} | ${perCase(pick(cpu))} |`,
  );
}
for (const [clock, figures] of [
  ['wall', wall],
  ['CPU', cpu],
] as const) {
  const [read, parse, alone, replay] = figures;
  console.log(
    `\n${clock}: replay / (read + decide) = ${(replay / (read + alone)).toFixed(2)} (goal <= 1.5); ` +
      `replay / (read + JSON.parse + decide) = ${(replay / (read + parse + alone)).toFixed(2)}`,
  );
}
