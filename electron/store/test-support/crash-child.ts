// Child process for crash.test.ts: records decisions and imports 100k cases in one
// transaction, printing each one only after it has committed, until it is killed.
import { writeSync } from 'node:fs';
import { importCases } from '../cases/cases-bulk';
import { recordDecision } from '../cases/decisions';
import { openStore } from '../open';
import { formatRef } from '../core/refs';
import { generateCase, seededRandom } from './generate';

const [file, seedText, baseText] = process.argv.slice(2) as [string, string, string];
const base = Number(baseText);
const now = Date.parse('2026-03-02T00:00:00Z');
const random = seededRandom(Number(seedText));
const rows = Array.from({ length: 100_000 }, (_, i) => generateCase(random, 1_000_000 + i, now));
const store = openStore({ file, autoBackup: false, now: () => now });
// A synchronous write: once the parent has read the line, the commit before it had returned.
const say = (line: string) => writeSync(1, `${line}\n`);

say('ready');
for (let i = 0; ; i++) {
  if (i === 20) say(`imported ${importCases(store, rows, 'crash-test').ok ? rows.length : 0}`);
  say(
    `decided ${recordDecision(store, { ref: formatRef(1 + (i % base)), agent: 'crash-test' }).detail.decisions.at(-1)!.id}`,
  );
}
