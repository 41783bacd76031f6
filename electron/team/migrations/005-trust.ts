import type { ClientBase } from 'pg';
import { PUSH_LOCK } from '../locks';
import { EVENT_REFUSED, teamRoles } from '../roles';
import { teamFunctionsSql } from './005-trust-functions';
import type { TeamMigration } from './types';

/** Every team table: members read them all and write none of them directly. */
export const TEAM_TABLES = [
  'team_schema',
  'team_events',
  'team_claims',
  'team_claim_answers',
  'team_approval_thresholds',
  'team_members',
] as const;

/**
 * The server trusts logins, not desktops. Members lose every direct write: they append through
 * `team_push`, claim through `team_claim`, and an administrator sets thresholds through
 * `team_set_threshold` — functions that run as the schema's owner with a pinned search_path
 * and schema-qualified names (a member's temporary table named like a team table answers
 * nothing), stamp the login and the member's display name from `team_members`, take the push
 * lock themselves and check what each event may do. The group roles become the team's own
 * (prefixed with the database's name), and only they may connect to the team's database.
 * Members of the old cluster-wide roles keep their access to this team.
 */
const migration: TeamMigration = {
  version: 5,
  name: 'trust',
  async up(client) {
    const { rows } = await client.query<{ database: string; superuser: boolean }>(
      "SELECT current_database() AS database, current_setting('is_superuser') = 'on' AS superuser",
    );
    const { database, superuser } = rows[0]!;
    const roles = teamRoles(database);
    const id = (name: string) => client.escapeIdentifier(name);
    const tables = TEAM_TABLES.map((table) => `public.${table}`).join(', ');
    await createRoles(client, roles);
    await client.query(`
      CREATE TABLE public.team_members (
        login        text        PRIMARY KEY,
        display_name text        NOT NULL CHECK (btrim(display_name) <> ''),
        added_at     timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO public.team_members (login, display_name)
        SELECT r.rolname, r.rolname FROM pg_catalog.pg_roles r
         WHERE r.rolcanlogin AND pg_catalog.pg_has_role(r.oid, 'refund_agent', 'MEMBER')
           AND NOT r.rolsuper;
      -- The transaction that inserted a row: pull reads only below the oldest one still open.
      ALTER TABLE public.team_events ADD COLUMN tx xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id();
      REVOKE ALL ON ${tables} FROM PUBLIC, refund_agent, refund_lead;
      REVOKE ALL ON SEQUENCE public.team_events_seq_seq FROM PUBLIC, refund_agent, refund_lead;
      GRANT SELECT ON ${tables} TO ${id(roles.agent)}, ${id(roles.admin)};
      REVOKE CONNECT, TEMPORARY ON DATABASE ${id(database)} FROM PUBLIC;
      GRANT CONNECT ON DATABASE ${id(database)} TO ${id(roles.agent)}, ${id(roles.admin)};
      ALTER FUNCTION public.team_events_append_only() SET search_path = pg_catalog, pg_temp;
    `);
    if (!superuser) await client.query(`GRANT ${id(roles.admin)} TO ${id(await sessionUser(client))}`);
    await client.query(teamFunctionsSql(roles, { pushLock: PUSH_LOCK, refused: EVENT_REFUSED }));
  },
};

async function sessionUser(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ name: string }>('SELECT session_user AS name');
  return rows[0]!.name;
}

/** The team's roles, and the logins of the old shared roles moved into them. */
async function createRoles(client: ClientBase, roles: ReturnType<typeof teamRoles>): Promise<void> {
  const literal = (name: string) => client.escapeLiteral(name);
  await client.query(`
    DO $$
    DECLARE member record;
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${literal(roles.agent)}) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', ${literal(roles.agent)});
      END IF;
      IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${literal(roles.lead)}) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE %I', ${literal(roles.lead)}, ${literal(roles.agent)});
      END IF;
      IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${literal(roles.admin)}) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', ${literal(roles.admin)});
      END IF;
      FOR member IN SELECT r.rolname, pg_catalog.pg_has_role(r.oid, 'refund_lead', 'MEMBER') AS lead
                      FROM pg_catalog.pg_roles r
                     WHERE r.rolcanlogin AND NOT r.rolsuper
                       AND pg_catalog.pg_has_role(r.oid, 'refund_agent', 'MEMBER') LOOP
        EXECUTE format('GRANT %I TO %I', ${literal(roles.agent)}, member.rolname);
        IF member.lead THEN
          EXECUTE format('GRANT %I TO %I', ${literal(roles.lead)}, member.rolname);
        END IF;
      END LOOP;
    END $$;
  `);
}

export default migration;
