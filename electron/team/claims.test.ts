import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamEvent } from '../../shared/model/team-event';
import { claimAnswers, claimCase, connectTeamServer, initTeamSchema, pushEvents, type TeamServer } from '.';
import { PG_MISSING_MESSAGE, findPgBin, startPgCluster, type PgCluster } from './test-support/pg-cluster';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the claim tests: ${PG_MISSING_MESSAGE}`);

const claim = (caseKey: string, agent: string, leaseMs = 60_000) => ({
  eventId: randomUUID(),
  caseKey,
  agent,
  desktopId: `desk-${agent}`,
  leaseMs,
});

const offlineClaim = (caseKey: string, agent: string): TeamEvent => ({
  id: randomUUID(),
  desktopId: `desk-${agent}`,
  caseKey,
  kind: 'case.assign',
  actor: agent,
  body: { claim: true },
  madeAt: new Date().toISOString(),
});

describe.skipIf(!hasPostgres)('claims are leases on the team server', () => {
  let cluster: PgCluster;
  const desks: TeamServer[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
    for (let i = 0; i < 3; i++) desks.push(await connectTeamServer(cluster.url));
    await initTeamSchema(desks[0]!);
  }, 60_000);

  afterAll(async () => {
    for (const desk of desks) await desk.close();
    cluster?.destroy();
  });

  it('grants one of several simultaneous online claims and tells the others who holds it', async () => {
    const caseKey = randomUUID();
    const answers = await Promise.all(
      ['mei', 'ravi', 'ana'].map((agent, i) => claimCase(desks[i]!, claim(caseKey, agent))),
    );
    const granted = answers.filter((answer) => answer.granted);
    expect(granted).toHaveLength(1);
    for (const answer of answers) expect(answer.holder).toBe(granted[0]!.holder);
  });

  it('answers a retried claim exactly as the first time', async () => {
    const caseKey = randomUUID();
    const first = claim(caseKey, 'mei');
    const answer = await claimCase(desks[0]!, first);
    await claimCase(desks[1]!, claim(caseKey, 'ravi'));
    expect(await claimCase(desks[0]!, first)).toEqual(answer);
  });

  it('lets the holder renew, and another agent take the case once the lease has run out', async () => {
    const caseKey = randomUUID();
    expect((await claimCase(desks[0]!, claim(caseKey, 'mei', 300))).granted).toBe(true);
    expect((await claimCase(desks[0]!, claim(caseKey, 'mei', 300))).granted).toBe(true);
    expect((await claimCase(desks[1]!, claim(caseKey, 'ravi'))).granted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await claimCase(desks[1]!, claim(caseKey, 'ravi'))).toMatchObject({
      granted: true,
      holder: 'ravi',
    });
  });

  it('settles claims made offline in the server order, and tells the loser which it lost', async () => {
    const caseKey = randomUUID();
    const other = randomUUID();
    const mei = [offlineClaim(caseKey, 'mei'), offlineClaim(other, 'mei')];
    const ravi = [offlineClaim(caseKey, 'ravi')];
    await pushEvents(desks[0]!, mei);
    await pushEvents(desks[1]!, ravi);
    await pushEvents(desks[1]!, ravi); // a retry changes nothing
    const meiAnswers = await claimAnswers(
      desks[0]!,
      mei.map((event) => event.id),
    );
    expect(meiAnswers.every((answer) => answer.granted)).toBe(true);
    expect(await claimAnswers(desks[1]!, [ravi[0]!.id])).toEqual([
      expect.objectContaining({ eventId: ravi[0]!.id, granted: false, holder: 'mei' }),
    ]);
  });

  it('settles an online claim against an offline one already pushed', async () => {
    const caseKey = randomUUID();
    await pushEvents(desks[2]!, [offlineClaim(caseKey, 'ana')]);
    expect(await claimCase(desks[0]!, claim(caseKey, 'mei'))).toMatchObject({
      granted: false,
      holder: 'ana',
    });
  });
});
