import { TeamMemberError } from './errors';
import type { TeamServer } from './server';

export type TeamRole = 'agent' | 'lead';

export interface TeamMember {
  name: string;
  role: TeamRole;
}

// A login name becomes an SQL identifier: keep it to what needs no quoting games.
const LOGIN_NAME = /^[a-z][a-z0-9_.-]{0,62}$/;

/**
 * Creates or updates a member's login: its password and whether it is a lead. Run by the
 * schema's owner (an administrator), never by a desktop.
 */
export async function addTeamMember(server: TeamServer, member: TeamMember, password: string): Promise<void> {
  if (!LOGIN_NAME.test(member.name)) {
    throw new TeamMemberError(
      `"${member.name}" cannot be a login name: lower-case letters, digits, _ . - (starting with a letter).`,
    );
  }
  if (password.length < 12) throw new TeamMemberError('A member password needs at least 12 characters.');
  const { client } = server;
  const name = client.escapeIdentifier(member.name);
  const secret = client.escapeLiteral(password);
  await client.query('BEGIN');
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [member.name]);
    await client.query(
      exists.rowCount === 0
        ? `CREATE ROLE ${name} LOGIN PASSWORD ${secret} IN ROLE refund_agent`
        : `ALTER ROLE ${name} LOGIN PASSWORD ${secret}`,
    );
    await client.query(`GRANT refund_agent TO ${name}`);
    await client.query(
      member.role === 'lead' ? `GRANT refund_lead TO ${name}` : `REVOKE refund_lead FROM ${name}`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Who this connection is, as the server sees it. */
export async function whoAmI(server: TeamServer): Promise<TeamMember> {
  const { rows } = await server.client.query<{ name: string; lead: boolean }>(
    "SELECT session_user AS name, pg_has_role(session_user, 'refund_lead', 'MEMBER') AS lead",
  );
  return { name: rows[0]!.name, role: rows[0]!.lead ? 'lead' : 'agent' };
}
