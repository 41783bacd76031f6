import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamEvent } from '../../shared/model/team-event';
import {
  TeamMemberError,
  addTeamMember,
  connectTeamServer,
  initTeamSchema,
  pullEvents,
  pushEvents,
  whoAmI,
  type TeamServer,
} from '.';
import { PG_MISSING_MESSAGE, findPgBin, startPgCluster, type PgCluster } from './test-support/pg-cluster';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the team member tests: ${PG_MISSING_MESSAGE}`);

const event = (kind: TeamEvent['kind'], body: Record<string, unknown> = {}): TeamEvent => ({
  id: randomUUID(),
  desktopId: 'desk',
  caseKey: randomUUID(),
  kind,
  actor: 'mei',
  body,
  madeAt: new Date().toISOString(),
});

describe.skipIf(!hasPostgres)('team members are server roles', () => {
  let cluster: PgCluster;
  let admin: TeamServer;
  let agent: TeamServer;
  let lead: TeamServer;
  const loginAs = (name: string, password: string) =>
    connectTeamServer(cluster.url.replace(/\/\/team:[^@]+@/, `//${name}:${password}@`));

  beforeAll(async () => {
    cluster = await startPgCluster();
    admin = await connectTeamServer(cluster.url);
    await initTeamSchema(admin);
    await addTeamMember(admin, { name: 'mei.lin', role: 'agent' }, 'agent-password-1');
    await addTeamMember(admin, { name: 'ravi', role: 'lead' }, 'lead-password-22');
    agent = await loginAs('mei.lin', 'agent-password-1');
    lead = await loginAs('ravi', 'lead-password-22');
  }, 60_000);

  afterAll(async () => {
    for (const server of [agent, lead, admin]) await server?.close();
    cluster?.destroy();
  });

  it('knows who is signed in and in which role', async () => {
    expect(await whoAmI(agent)).toEqual({ name: 'mei.lin', role: 'agent', displayName: 'mei.lin' });
    expect(await whoAmI(lead)).toEqual({ name: 'ravi', role: 'lead', displayName: 'ravi' });
  });

  it('lets an agent append and read, stamped with their login whatever the event says', async () => {
    const note = { ...event('note.add', { text: 'hi' }), desktopId: 'claims-to-be-someone-else' };
    expect(await pushEvents(agent, [note])).toEqual({ applied: 1, known: 0 });
    const pulled = await pullEvents(lead, 0, 100);
    expect(pulled.find((row) => row.id === note.id)?.pushedBy).toBe('mei.lin');
  });

  it('lets only a lead answer an approval request', async () => {
    const key = randomUUID();
    expect(
      (await pushEvents(agent, [event('decision.record', { approval: { key }, decision: {} })])).applied,
    ).toBe(1);
    const grant = { ...event('approval.grant', { approval: { key } }), actor: 'ravi' };
    await expect(pushEvents(agent, [grant])).rejects.toThrow(/only a lead may answer/);
    expect((await pushEvents(lead, [grant])).applied).toBe(1);
    expect((await pushEvents(agent, [event('approval.request')])).applied).toBe(1);
  });

  it('gives members no way to change or drop the log', async () => {
    await expect(agent.client.query('TRUNCATE team_events')).rejects.toThrow(/permission denied/);
    await expect(agent.client.query('DELETE FROM team_events')).rejects.toThrow(/permission denied/);
    await expect(lead.client.query('DROP TABLE team_claims')).rejects.toThrow(/must be owner/);
    await expect(agent.client.query('UPDATE team_schema SET version = 99')).rejects.toThrow(
      /permission denied/,
    );
  });

  it('changes a password and a role, and refuses names and passwords it should not pass on', async () => {
    await addTeamMember(admin, { name: 'mei.lin', role: 'lead' }, 'agent-password-2');
    await expect(loginAs('mei.lin', 'agent-password-1')).rejects.toThrow(/password authentication failed/);
    const promoted = await loginAs('mei.lin', 'agent-password-2');
    expect(await whoAmI(promoted)).toEqual({ name: 'mei.lin', role: 'lead', displayName: 'mei.lin' });
    await promoted.close();
    await expect(
      addTeamMember(admin, { name: 'x"; DROP TABLE team_events; --', role: 'agent' }, 'long-enough-pw'),
    ).rejects.toThrow(TeamMemberError);
    await expect(addTeamMember(admin, { name: 'ana', role: 'agent' }, 'short')).rejects.toThrow(
      /12 characters/,
    );
  });
});
