// Pulling and applying 100k team events (new cases from another desktop) into a desktop store,
// against the bare insert of the same case rows (bench/bare-store.ts), in the same run.
//   npm run bench:team:pull [-- --events 100000 --rounds 3]
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importCases, joinTeam, openStore, timeOrderedId } from '../../electron/store';
import { generatedChunks } from '../../electron/store/test-support/generate';
import { connectTeamServer, initTeamSchema, syncOnce } from '../../electron/team';
import { startPgCluster } from '../../electron/team/test-support/pg-cluster';
import { bareInsertCases } from '../bare-store';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' } },
});
const EVENTS = Number(values.events);
const ROUNDS = Number(values.rounds);
const NOW = Date.parse('2026-03-02T00:00:00Z');
const DIR = join(import.meta.dirname, '..', '.data', 'team-pull');
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const chunks = () => generatedChunks(EVENTS, 10_000, NOW);

const cluster = await startPgCluster();
try {
  const server = await connectTeamServer(cluster.url);
  await initTeamSchema(server);
  const origin = openStore({ file: join(DIR, 'origin.sqlite'), autoBackup: false, now: () => NOW });
  joinTeam(origin, 'mei');
  for (const cases of chunks()) importCases(origin, cases, 'mei');
  await syncOnce(origin, server);
  origin.close();
  const bareTimes: number[] = [];
  const pullTimes: number[] = [];
  const bareCpu: number[] = [];
  const pullCpu: number[] = [];
  const sameCpu: number[] = [];
  // CPU time (user + system of this process) beside the wall time: on a loaded machine the
  // wall ratio swings with how the load falls on each half; the CPU ratio barely moves. The
  // server's own CPU is not counted, its network time is (in the wall figure).
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const { user, system } = process.cpuUsage(since);
    return (user + system) / 1000;
  };
  for (let round = 0; round < ROUNDS; round++) {
    const generated = [...chunks()];
    const bareCpuStart = process.cpuUsage();
    bareTimes.push(bareInsertCases(join(DIR, `bare-${round}.sqlite`), generated, NOW).ms);
    bareCpu.push(cpuMs(bareCpuStart));
    // The same rows the pull leaves: search entries as the store writes them, and each
    // event's id and case key (fresh time-ordered ids, as the pushing desktop makes them).
    const teamKeys = Array.from({ length: EVENTS }, (_, i) => ({
      eventId: timeOrderedId(NOW + i),
      caseKey: timeOrderedId(NOW + i),
    }));
    sameCpu.push(bareInsertCases(join(DIR, `same-${round}.sqlite`), [...chunks()], NOW, { teamKeys }).cpuMs);
    const desk = openStore({ file: join(DIR, `desk-${round}.sqlite`), autoBackup: false, now: () => NOW });
    joinTeam(desk, 'ravi');
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const summary = await syncOnce(desk, server);
    pullCpu.push(cpuMs(cpuStart));
    pullTimes.push(performance.now() - start);
    if (summary.applied !== EVENTS) throw new Error(`applied ${summary.applied} of ${EVENTS}`);
    desk.close();
  }
  await server.close();
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const b = median(bareTimes);
  const p = median(pullTimes);
  console.log(`events ${EVENTS}, ${ROUNDS} rounds (median)`);
  console.log(`bare insert of the same case rows  ${b.toFixed(0)} ms`);
  console.log(
    `pull and apply                     ${p.toFixed(0)} ms  (${Math.round(EVENTS / (p / 1000))} events/s)`,
  );
  console.log(`ratio                              ${(p / b).toFixed(2)}x  (goal ≤ 2x)`);
  const bc = median(bareCpu);
  const pc = median(pullCpu);
  console.log(
    `CPU: bare ${bc.toFixed(0)} ms, pull and apply ${pc.toFixed(0)} ms, ratio ${(pc / bc).toFixed(2)}x`,
  );
  const sc = median(sameCpu);
  console.log(
    `CPU: bare insert of every row the pull writes (search entries as stored, event ids, case keys) ${sc.toFixed(0)} ms, ratio ${(pc / sc).toFixed(2)}x`,
  );
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  cluster.destroy();
}
