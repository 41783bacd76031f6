import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { joinTeam, type CaseStore } from '../../store';
import { tempStore } from '../../store/test-support/temp-store';
import { connectTeamServer, syncOnce, type TeamServer } from '..';
import { freshTeamSchema } from './fresh-schema';
import { startPgCluster, type PgCluster } from './pg-cluster';

export type Desk = ReturnType<typeof tempStore> & { server: TeamServer };

/**
 * For a test file: one real cluster, and before each test a fresh team schema and one joined
 * desktop (a real store file and its own connection) per agent, in the order given.
 */
export function teamDesks(agents: readonly string[]): { cluster: PgCluster; desks: Desk[] } {
  const team = { cluster: undefined as unknown as PgCluster, desks: [] as Desk[] };
  beforeAll(async () => {
    team.cluster = await startPgCluster();
  }, 60_000);
  afterAll(() => team.cluster?.destroy());
  beforeEach(async () => {
    await freshTeamSchema(team.cluster.url);
    team.desks = [];
    for (const agent of agents) {
      const desk = tempStore();
      joinTeam(desk.store, agent);
      team.desks.push({ ...desk, server: await connectTeamServer(team.cluster.url) });
    }
  }, 60_000);
  afterEach(async () => {
    for (const desk of team.desks) {
      await desk.server.close();
      desk.cleanup();
    }
  });
  return team;
}

export const sync = (desk: Desk) => syncOnce(desk.store, desk.server);

/** A case's ref on a desktop, found by its order id (refs differ from desktop to desktop). */
export function refOf(store: CaseStore, orderId: string): string | undefined {
  const id = store.db.prepare('SELECT id FROM cases WHERE order_id = ?').pluck().get(orderId) as
    number | undefined;
  return id === undefined ? undefined : `RC-${String(id).padStart(6, '0')}`;
}
