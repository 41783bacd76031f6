// Pushing a desktop's outbox to the team server (through its team_push function: stamps, checks,
// the push lock) against the fastest bare way to put the same rows into the same table: a batched
// unnest insert with no idempotence, no ordering lock and no trigger.
// Paired, alternating rounds in one run, so the ratio holds on a noisy machine.
//   npm run bench:team [-- --events 100000 --rounds 3 --batch 5000]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { TeamEvent } from '../../shared/model/team-event';
import { connectTeamServer, initTeamSchema, pushEvents, type TeamServer } from '../../electron/team';
import { startPgCluster } from '../../electron/team/test-support/pg-cluster';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    batch: { type: 'string', default: '5000' },
  },
});
const total = Number(values.events);
const rounds = Number(values.rounds);
const batchSize = Number(values.batch);

const KINDS = ['case.create', 'case.facts', 'decision.record', 'note.add'] as const;
const factsBody = (amount: number) => ({
  facts: { productType: 'saas', orderAmount: amount, paidAt: '2026-11-01T10:00:00+08:00' },
});
// A decision the server lets arrive counted: the rules' outcome, no override (it checks both).
const decisionBody = (amount: number) => ({
  decision: {
    recorded_outcome: 'eligible',
    override_justification: null,
    decision: JSON.stringify({ outcome: 'eligible', refundAmount: amount, currency: 'CNY' }),
    agent: 'mei',
  },
});
const events: TeamEvent[] = Array.from({ length: total }, (_, i) => ({
  id: randomUUID(),
  desktopId: `desk-${i % 7}`,
  caseKey: randomUUID(),
  kind: KINDS[i % KINDS.length]!,
  actor: `agent-${i % 40}`,
  body: KINDS[i % KINDS.length] === 'decision.record' ? decisionBody(19_900 + i) : factsBody(19_900 + i),
  madeAt: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
}));
const batches = Array.from({ length: Math.ceil(total / batchSize) }, (_, i) =>
  events.slice(i * batchSize, (i + 1) * batchSize),
);

async function bare(server: TeamServer): Promise<void> {
  // Bare means bare: no trigger (the server's checks are part of what a push costs).
  await server.client.query('SET session_replication_role = replica');
  for (const batch of batches) {
    await server.client.query(
      `INSERT INTO team_events (event_id, desktop_id, case_key, kind, actor, body, made_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::timestamptz[])`,
      [
        batch.map((e) => e.id),
        batch.map((e) => e.desktopId),
        batch.map((e) => e.caseKey),
        batch.map((e) => e.kind),
        batch.map((e) => e.actor),
        batch.map((e) => JSON.stringify(e.body)),
        batch.map((e) => e.madeAt),
      ],
    );
  }
  await server.client.query('RESET session_replication_role');
}

async function push(server: TeamServer): Promise<void> {
  for (const batch of batches) await pushEvents(server, batch);
}

async function timed(server: TeamServer, run: (server: TeamServer) => Promise<void>): Promise<number> {
  await server.client.query('TRUNCATE team_events');
  await server.client.query('VACUUM ANALYZE team_events');
  const start = performance.now();
  await run(server);
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const cluster = await startPgCluster();
try {
  const server = await connectTeamServer(cluster.url);
  await initTeamSchema(server);
  const bareTimes: number[] = [];
  const pushTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    bareTimes.push(await timed(server, bare));
    pushTimes.push(await timed(server, push));
  }
  // A retried push of everything already there: what a desktop pays when its answer was lost.
  const retry = await (async () => {
    const start = performance.now();
    await push(server);
    return performance.now() - start;
  })();
  await server.close();
  const b = median(bareTimes);
  const p = median(pushTimes);
  console.log(`events ${total}, batches of ${batchSize}, ${rounds} paired rounds (median)`);
  console.log(`bare batched insert  ${b.toFixed(0)} ms  (${Math.round(total / (b / 1000))} events/s)`);
  console.log(`pushEvents           ${p.toFixed(0)} ms  (${Math.round(total / (p / 1000))} events/s)`);
  console.log(`ratio                ${(p / b).toFixed(2)}x  (goal ≤ 3x)`);
  console.log(`retried push (all known) ${retry.toFixed(0)} ms`);
} finally {
  cluster.destroy();
}
