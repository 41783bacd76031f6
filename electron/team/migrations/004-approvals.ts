import type { TeamMigration } from './types';

/**
 * Four-eyes approval. The team's thresholds live here, so every desktop reads the same: a
 * refund above the amount (minor units) of its currency waits for a lead, as every override
 * does. Members read them; leads (and the schema's owner) set them. An answer to a request
 * names it by its key: the server refuses it from anyone but a lead (003) and from the login
 * that pushed the decision or the agent who made it, so nobody approves their own decision
 * whatever their desktop says; and a refusal must say why.
 */
const migration: TeamMigration = {
  version: 4,
  name: 'approvals',
  async up(client) {
    await client.query(`
      CREATE TABLE team_approval_thresholds (
        currency text        PRIMARY KEY CHECK (currency ~ '^[A-Z]{3}$'),
        amount   bigint      NOT NULL CHECK (amount >= 0),
        set_by   text        NOT NULL DEFAULT session_user,
        set_at   timestamptz NOT NULL DEFAULT now()
      );
      REVOKE ALL ON team_approval_thresholds FROM PUBLIC;
      GRANT SELECT ON team_approval_thresholds TO refund_agent;
      GRANT INSERT, UPDATE, DELETE ON team_approval_thresholds TO refund_lead;
      CREATE INDEX team_events_by_approval ON team_events ((body #>> '{approval,key}'))
        WHERE kind = 'decision.record';
      CREATE OR REPLACE FUNCTION team_events_check_author() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE asked record;
        BEGIN
          NEW.pushed_by := session_user;
          IF NEW.kind IN ('approval.grant', 'approval.refuse') THEN
            IF NOT pg_has_role(session_user, 'refund_lead', 'MEMBER') THEN
              RAISE EXCEPTION 'only a lead may answer an approval request (% is not one)', session_user
                USING ERRCODE = 'insufficient_privilege';
            END IF;
            SELECT pushed_by, actor INTO asked FROM team_events
              WHERE kind = 'decision.record' AND body #>> '{approval,key}' = NEW.body #>> '{approval,key}';
            IF NOT FOUND THEN
              RAISE EXCEPTION 'no decision waits for approval under key %', NEW.body #>> '{approval,key}'
                USING ERRCODE = 'foreign_key_violation';
            END IF;
            IF asked.pushed_by = session_user OR asked.actor = NEW.actor THEN
              RAISE EXCEPTION 'four eyes: % made this decision, so another lead answers it', asked.actor
                USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF NEW.kind = 'approval.refuse' AND coalesce(btrim(NEW.body #>> '{approval,reason}'), '') = '' THEN
              RAISE EXCEPTION 'a refusal of an approval request needs a reason'
                USING ERRCODE = 'check_violation';
            END IF;
          END IF;
          RETURN NEW;
        END $$;
    `);
  },
};

export default migration;
