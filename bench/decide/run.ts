// decide() throughput next to two general rule engines running the same SaaS and image rules
// on the same inputs in the same process, so the ratio holds however noisy the machine is.
// Usage: npm run bench:decide   (BENCH_SECONDS=2 per measurement, BENCH_ROUNDS=5)
import { decide } from '../../shared/policy';
import { jsonRulesEngine, zenEngine } from './engines';
import { benchInputs, engineFacts, NOW } from './inputs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const inputs = benchInputs(10_000);

function measureSync(run: (i: number) => unknown): number {
  let calls = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) run(calls++ % inputs.length);
  }
  return calls / SECONDS;
}

async function measureAsync(run: (i: number) => Promise<unknown>): Promise<number> {
  let calls = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) await run(calls++ % inputs.length);
  }
  return calls / SECONDS;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const format = (perSecond: number) => Math.round(perSecond).toLocaleString('en');

const json = jsonRulesEngine();
const zen = zenEngine();
const engineInputs = inputs.map(engineFacts);
let sink = 0;
const rounds = { decide: [] as number[], traced: [] as number[], json: [] as number[], zen: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  rounds.decide.push(measureSync((i) => (sink += decide(inputs[i]!, { now: NOW }).clauses.length)));
  rounds.traced.push(
    measureSync((i) => (sink += decide(inputs[i]!, { now: NOW, trace: true }).trace!.steps.length)),
  );
  rounds.json.push(await measureAsync((i) => json(engineInputs[i]!)));
  rounds.zen.push(await measureAsync((i) => zen(engineInputs[i]!)));
}
const [d, t, j, z] = [median(rounds.decide), median(rounds.traced), median(rounds.json), median(rounds.zen)];

console.log(
  `decide() throughput, one thread, ${ROUNDS} rounds of ${SECONDS} s, median (node ${process.version})\n`,
);
console.log('| engine | decisions/s | decide() is faster by |');
console.log('| --- | ---: | ---: |');
console.log(`| decide() | ${format(d)} | |`);
console.log(`| decide() with its trace | ${format(t)} | ${(d / t).toFixed(1)}x slower than without |`);
console.log(`| json-rules-engine 7.3.1 | ${format(j)} | ${(d / j).toFixed(0)}x |`);
console.log(`| @gorules/zen-engine 0.52.1 | ${format(z)} | ${(d / z).toFixed(0)}x |`);
if (sink < 0) console.log(sink); // keeps the decisions observable so the loop is not optimised away
