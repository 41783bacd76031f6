import pg from 'pg';
import { readTeamServerAddress } from './address';
import { NewerTeamSchemaError, TeamSchemaMissingError } from './errors';
import { SCHEMA_LOCK } from './locks';
import { LATEST_TEAM_VERSION, TEAM_MIGRATIONS } from './migrations';

export interface TeamServer {
  readonly client: pg.Client;
  /** The URL with its password masked, for messages. */
  readonly display: string;
  close(): Promise<void>;
}

/**
 * Connects to the team server under the address rules (TLS unless on this machine), signing in
 * with `password` when the URL carries none.
 */
export async function connectTeamServer(url: string, password?: string): Promise<TeamServer> {
  const address = readTeamServerAddress(url);
  // Into the URL the client parses (in memory only): pg lets a URL's empty password win over
  // one given beside it.
  const signedIn = new URL(address.connectionString);
  if (password !== undefined && signedIn.password === '') signedIn.password = password;
  const client = new pg.Client({
    connectionString: signedIn.href,
    ssl: address.ssl,
    application_name: 'refund-console',
    connectionTimeoutMillis: 10_000,
  });
  // A dropped connection surfaces on the next query; without a listener it would crash the process.
  client.on('error', () => {});
  await client.connect();
  return { client, display: address.display, close: () => client.end() };
}

export interface TeamSchemaReport {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Creates or migrates the team schema, one transaction per step, and refuses a schema newer
 * than this app knows without changing it, as the local store does.
 */
export async function initTeamSchema(server: TeamServer): Promise<TeamSchemaReport> {
  const { client } = server;
  await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
  try {
    const from = await readVersion(server);
    // Only when missing: a member without CREATE rights can still run init on a current schema.
    if (!(await hasSchemaTable(server)))
      await client.query('CREATE TABLE team_schema (version integer NOT NULL)');
    if (from > LATEST_TEAM_VERSION) throw new NewerTeamSchemaError(from, LATEST_TEAM_VERSION);
    const applied: string[] = [];
    for (const migration of TEAM_MIGRATIONS.filter((step) => step.version > from)) {
      await client.query('BEGIN');
      try {
        await migration.up(client);
        await client.query('DELETE FROM team_schema');
        await client.query('INSERT INTO team_schema (version) VALUES ($1)', [migration.version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(`${migration.version}-${migration.name}`);
    }
    return { from, to: Math.max(from, LATEST_TEAM_VERSION), applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
  }
}

/** Checks a server before syncing with it: its schema must be exactly the one this app writes. */
export async function requireTeamSchema(server: TeamServer): Promise<void> {
  const version = await readVersion(server);
  if (version < LATEST_TEAM_VERSION) throw new TeamSchemaMissingError(version);
  if (version > LATEST_TEAM_VERSION) throw new NewerTeamSchemaError(version, LATEST_TEAM_VERSION);
}

async function hasSchemaTable({ client }: TeamServer): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(
    "SELECT to_regclass('team_schema') IS NOT NULL AS found",
  );
  return rows[0]!.found;
}

async function readVersion(server: TeamServer): Promise<number> {
  if (!(await hasSchemaTable(server))) return 0;
  const { rows } = await server.client.query<{ version: number }>('SELECT version FROM team_schema');
  return rows[0]?.version ?? 0;
}
