import type { TeamMigration } from './types';

/**
 * The event log every desktop pushes to and pulls from. `seq` is the one order everybody
 * applies events in; `event_id` is unique so a retried push applies nothing twice. Events are
 * append-only: nobody may update or delete them, whatever their grants say.
 */
const migration: TeamMigration = {
  version: 1,
  name: 'events',
  async up(client) {
    await client.query(`
      CREATE TABLE team_events (
        seq         bigserial   PRIMARY KEY,
        event_id    uuid        NOT NULL UNIQUE,
        desktop_id  text        NOT NULL,
        case_key    uuid        NOT NULL,
        kind        text        NOT NULL,
        actor       text        NOT NULL,
        body        jsonb       NOT NULL,
        made_at     timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX team_events_by_case ON team_events (case_key, seq);
      CREATE FUNCTION team_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'team events are append-only'; END $$;
      CREATE TRIGGER team_events_no_change BEFORE UPDATE OR DELETE ON team_events
        FOR EACH ROW EXECUTE FUNCTION team_events_append_only();
    `);
  },
};

export default migration;
