// The store's half of a pull, without the server: applying 100k prepared `case.create` events
// (batches of 5,000, as syncOnce does) against bench/bare-store.ts inserting the same case rows,
// alternating, in the same run. Isolates the desktop's apply from the network and the server.
//   npm run bench:team:apply [-- --events 100000 --rounds 3]   (BENCH_BATCH: events per apply, default 5,000)
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyTeamEvents, joinTeam, openStore, timeOrderedId, type PulledEvent } from '../../electron/store';
import { generatedChunks } from '../../electron/store/test-support/generate';
import { bareInsertCases } from '../bare-store';
import { cpuMsSince } from '../measure';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' } },
});
const EVENTS = Number(values.events);
const ROUNDS = Number(values.rounds);
const BATCH = Number(process.env.BENCH_BATCH ?? 5000);
const NOW = Date.parse('2026-03-02T00:00:00Z');
const DIR = join(import.meta.dirname, '..', '.data', 'team-apply');
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const chunks = () => generatedChunks(EVENTS, 10_000, NOW);

function preparedEvents(): PulledEvent[] {
  const desktopId = timeOrderedId(NOW);
  let seq = 0;
  return [...chunks()].flat().map((input) => ({
    seq: ++seq,
    id: timeOrderedId(NOW + seq),
    desktopId,
    caseKey: timeOrderedId(NOW + seq),
    kind: 'case.create',
    actor: 'mei',
    pushedBy: 'mei',
    body: { case: JSON.parse(JSON.stringify(input)) as unknown, status: 'open' },
  }));
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const bare = { ms: [] as number[], cpu: [] as number[] };
const same = { ms: [] as number[], cpu: [] as number[] };
const apply = { ms: [] as number[], cpu: [] as number[] };
const load = [loadavg()[0]!];
for (let round = 0; round < ROUNDS; round++) {
  const measured = bareInsertCases(join(DIR, `bare-${round}.sqlite`), [...chunks()], NOW);
  bare.ms.push(measured.ms);
  bare.cpu.push(measured.cpuMs);
  const events = preparedEvents();
  const teamKeys = events.map((event) => ({ eventId: event.id, caseKey: event.caseKey }));
  const sameRows = bareInsertCases(join(DIR, `same-${round}.sqlite`), [...chunks()], NOW, { teamKeys });
  same.ms.push(sameRows.ms);
  same.cpu.push(sameRows.cpuMs);
  const desk = openStore({ file: join(DIR, `desk-${round}.sqlite`), autoBackup: false, now: () => NOW });
  joinTeam(desk, 'ravi');
  const start = performance.now();
  const startCpu = process.cpuUsage();
  for (let from = 0; from < events.length; from += BATCH)
    applyTeamEvents(desk, events.slice(from, from + BATCH));
  apply.cpu.push(cpuMsSince(startCpu));
  apply.ms.push(performance.now() - start);
  desk.close();
  load.push(loadavg()[0]!);
}
const row = (name: string, baseline: string, b: number, a: number) =>
  `| ${name} | ${baseline} | ${b.toFixed(0)} ms | ${a.toFixed(0)} ms | ${(a / b).toFixed(2)}x |`;
console.log(
  `Apply without the server: ${EVENTS} events, median of ${ROUNDS}, load average ${load.map((l) => l.toFixed(1)).join(' → ')}\n`,
);
console.log(
  '| time | baseline | bare insert | applyTeamEvents | ratio |\n| --- | --- | ---: | ---: | ---: |',
);
console.log(row('wall', 'the case rows', median(bare.ms), median(apply.ms)));
console.log(row('CPU', 'the case rows', median(bare.cpu), median(apply.cpu)));
console.log(row('wall', 'every row the apply writes', median(same.ms), median(apply.ms)));
console.log(row('CPU', 'every row the apply writes', median(same.cpu), median(apply.cpu)));
