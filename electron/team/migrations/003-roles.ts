import type { TeamMigration } from './types';

/**
 * Agents and leads are the server's own roles, so the server, not a desktop, enforces who may
 * do what: members may read the log and append to it, nobody may change it, and only a lead
 * may answer an approval request. Every event records the login that pushed it. The roles are
 * cluster-wide (PostgreSQL's roles are), so one cluster holds one team database.
 */
const migration: TeamMigration = {
  version: 3,
  name: 'roles',
  async up(client) {
    await client.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'refund_agent') THEN
          CREATE ROLE refund_agent NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'refund_lead') THEN
          CREATE ROLE refund_lead NOLOGIN IN ROLE refund_agent;
        END IF;
      END $$;
      ALTER TABLE team_events ADD COLUMN pushed_by text NOT NULL DEFAULT session_user;
      REVOKE ALL ON team_events, team_claims, team_claim_answers, team_schema FROM PUBLIC;
      GRANT SELECT, INSERT ON team_events TO refund_agent;
      GRANT USAGE ON SEQUENCE team_events_seq_seq TO refund_agent;
      GRANT SELECT, INSERT, UPDATE ON team_claims TO refund_agent;
      GRANT SELECT, INSERT ON team_claim_answers TO refund_agent;
      GRANT SELECT ON team_schema TO refund_agent;
      CREATE FUNCTION team_events_check_author() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.pushed_by := session_user;
          IF NEW.kind IN ('approval.grant', 'approval.refuse')
             AND NOT pg_has_role(session_user, 'refund_lead', 'MEMBER') THEN
            RAISE EXCEPTION 'only a lead may answer an approval request (% is not one)', session_user
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER team_events_author BEFORE INSERT ON team_events
        FOR EACH ROW EXECUTE FUNCTION team_events_check_author();
    `);
  },
};

export default migration;
