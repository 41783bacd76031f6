import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamEvent } from '../../shared/model/team-event';
import {
  LATEST_TEAM_VERSION,
  NewerTeamSchemaError,
  TeamSchemaMissingError,
  connectTeamServer,
  initTeamSchema,
  pullEvents,
  pushEvents,
  requireTeamSchema,
  type TeamServer,
} from '.';
import { PG_MISSING_MESSAGE, findPgBin, startPgCluster, type PgCluster } from './test-support/pg-cluster';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the team server tests: ${PG_MISSING_MESSAGE}`);

const event = (over: Partial<TeamEvent> = {}): TeamEvent => ({
  id: randomUUID(),
  desktopId: 'desk-a',
  caseKey: randomUUID(),
  kind: 'note.add',
  actor: 'mei',
  body: { text: 'called the customer' },
  madeAt: '2026-11-27T08:00:00.123+08:00',
  ...over,
});

describe.skipIf(!hasPostgres)('the team server (a real PostgreSQL cluster)', () => {
  let cluster: PgCluster;
  let server: TeamServer;

  beforeAll(async () => {
    cluster = await startPgCluster();
    server = await connectTeamServer(cluster.url);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    cluster?.destroy();
  });

  it('has no schema until init creates it, and init twice changes nothing', async () => {
    await expect(requireTeamSchema(server)).rejects.toThrow(TeamSchemaMissingError);
    expect(await initTeamSchema(server)).toEqual({
      from: 0,
      to: LATEST_TEAM_VERSION,
      applied: ['1-events', '2-claims', '3-roles', '4-approvals', '5-trust'],
    });
    expect(await initTeamSchema(server)).toEqual({
      from: LATEST_TEAM_VERSION,
      to: LATEST_TEAM_VERSION,
      applied: [],
    });
    await expect(requireTeamSchema(server)).resolves.toBeUndefined();
  });

  it('applies an event id once however often it is pushed, and pulls in the server order', async () => {
    const first = [event(), event({ kind: 'case.create', body: { facts: { orderAmount: 19900 } } })];
    expect(await pushEvents(server, first)).toEqual({ applied: 2, known: 0 });
    const second = [event({ desktopId: 'desk-b' }), ...first];
    expect(await pushEvents(server, second)).toEqual({ applied: 1, known: 2 });
    const pulled = await pullEvents(server, 0, 100);
    expect(pulled.map((row) => row.id)).toEqual([first[0]!.id, first[1]!.id, second[0]!.id]);
    expect(pulled[1]!.body).toEqual({ facts: { orderAmount: 19900 } });
    // The instant survives; the desktop's offset does not need to.
    expect(pulled[0]!.madeAt).toBe('2026-11-27T00:00:00.123Z');
    const after = await pullEvents(server, pulled[0]!.seq, 1);
    expect(after.map((row) => row.id)).toEqual([first[1]!.id]);
  });

  it('keeps events append-only even for the schema owner', async () => {
    await expect(server.client.query('DELETE FROM team_events')).rejects.toThrow(/append-only/);
    await expect(server.client.query("UPDATE team_events SET kind = 'x'")).rejects.toThrow(/append-only/);
  });

  it('rolls a push back whole when one event in it is refused', async () => {
    const before = (await pullEvents(server, 0, 1000)).length;
    const bad = event({ madeAt: 'not a time' });
    await expect(pushEvents(server, [event(), bad])).rejects.toThrow();
    expect((await pullEvents(server, 0, 1000)).length).toBe(before);
  });

  it('refuses a schema newer than this app and leaves it as it was', async () => {
    await server.client.query('UPDATE team_schema SET version = $1', [LATEST_TEAM_VERSION + 1]);
    try {
      await expect(initTeamSchema(server)).rejects.toThrow(NewerTeamSchemaError);
      await expect(requireTeamSchema(server)).rejects.toThrow(/knows up to/);
      const { rows } = await server.client.query('SELECT version FROM team_schema');
      expect(rows).toEqual([{ version: LATEST_TEAM_VERSION + 1 }]);
    } finally {
      await server.client.query('UPDATE team_schema SET version = $1', [LATEST_TEAM_VERSION]);
    }
  });

  it('loses nothing and applies nothing twice when the server stops during a push', async () => {
    const batch = Array.from({ length: 50_000 }, () => event({ desktopId: 'desk-c' }));
    const before = (await pullEvents(server, 0, 1_000_000)).length;
    const watcher = await connectTeamServer(cluster.url);
    const pushing = pushEvents(server, batch).then(
      () => 'committed',
      () => 'failed',
    );
    // Stop the server only once the insert is running on it, so the cut is mid-push.
    await until(async () => {
      const { rows } = await watcher.client.query(
        "SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%team_push(%' AND pid <> pg_backend_pid()",
      );
      return rows.length > 0;
    });
    cluster.stop('immediate');
    expect(await pushing).toBe('failed');
    await watcher.close().catch(() => undefined);
    cluster.start();
    server = await connectTeamServer(cluster.url);
    expect((await pullEvents(server, 0, 1_000_000)).length).toBe(before);
    expect(await pushEvents(server, batch)).toEqual({ applied: batch.length, known: 0 });
    expect(await pushEvents(server, batch)).toEqual({ applied: 0, known: batch.length });
    const all = await pullEvents(server, 0, 1_000_000);
    expect(all.length).toBe(before + batch.length);
    expect(new Set(all.map((row) => row.id)).size).toBe(all.length);
  }, 120_000);
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 2000; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the awaited state never came');
}
