import { TeamMemberError } from './errors';
import { teamRoles } from './roles';
import { scramVerifier } from './scram';
import type { TeamServer } from './server';

export type TeamRole = 'agent' | 'lead';

export interface TeamMember {
  /** The login (a server role). */
  name: string;
  role: TeamRole;
  /** The name the team sees on this member's changes; the login when not given. */
  displayName?: string | undefined;
}

// A login name becomes an SQL identifier: keep it to what needs no quoting games.
const LOGIN_NAME = /^[a-z][a-z0-9_.-]{0,62}$/;

async function rolesOf(server: TeamServer) {
  const { rows } = await server.client.query<{ database: string }>('SELECT current_database() AS database');
  return teamRoles(rows[0]!.database);
}

/**
 * Creates or updates a member's login: its password, its display name and whether it is a lead.
 * Run by an administrator, never by a desktop. The server is sent a SCRAM verifier computed
 * here, never the password, so a failed statement logged by the server shows no secret.
 */
export async function addTeamMember(server: TeamServer, member: TeamMember, password: string): Promise<void> {
  if (!LOGIN_NAME.test(member.name)) {
    throw new TeamMemberError(
      `"${member.name}" cannot be a login name: lower-case letters, digits, _ . - (starting with a letter).`,
    );
  }
  if (password.length < 12) throw new TeamMemberError('A member password needs at least 12 characters.');
  const shown = member.displayName?.trim() || member.name;
  const { client } = server;
  const roles = await rolesOf(server);
  const id = (name: string) => client.escapeIdentifier(name);
  const name = id(member.name);
  const secret = client.escapeLiteral(scramVerifier(password));
  await client.query('BEGIN');
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [member.name]);
    await client.query(
      exists.rowCount === 0
        ? `CREATE ROLE ${name} LOGIN PASSWORD ${secret}`
        : `ALTER ROLE ${name} LOGIN PASSWORD ${secret}`,
    );
    await client.query(`GRANT ${id(roles.agent)} TO ${name}`);
    await client.query(
      member.role === 'lead' ? `GRANT ${id(roles.lead)} TO ${name}` : `REVOKE ${id(roles.lead)} FROM ${name}`,
    );
    await client.query(
      `INSERT INTO public.team_members (login, display_name) VALUES ($1, $2)
       ON CONFLICT (login) DO UPDATE SET display_name = EXCLUDED.display_name`,
      [member.name, shown],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Takes a member out of the team: the login can no longer connect or write, and the team's
 * log keeps everything it wrote under its name. The login itself stays (other teams in the
 * cluster may know it); `DROP ROLE` is the administrator's, once no team needs it.
 */
export async function removeTeamMember(server: TeamServer, login: string): Promise<void> {
  const { client } = server;
  const roles = await rolesOf(server);
  const id = (name: string) => client.escapeIdentifier(name);
  await client.query('BEGIN');
  try {
    const found = await client.query('DELETE FROM public.team_members WHERE login = $1', [login]);
    if (found.rowCount === 0) throw new TeamMemberError(`"${login}" is not a member of this team.`);
    await client.query(`REVOKE ${id(roles.lead)}, ${id(roles.agent)} FROM ${id(login)}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Who this connection is, as the server sees it: the login and its role in this team. */
export async function whoAmI(server: TeamServer): Promise<TeamMember> {
  const { rows } = await server.client.query<{ login: string; display_name: string; lead: boolean }>(
    'SELECT login, display_name, lead FROM public.team_whoami()',
  );
  const row = rows[0]!;
  return { name: row.login, role: row.lead ? 'lead' : 'agent', displayName: row.display_name };
}
