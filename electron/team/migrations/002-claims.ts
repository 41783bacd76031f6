import type { TeamMigration } from './types';

/**
 * Claims are leases the server hands out, so two agents never work the same case. The lease
 * runs on the server's clock, never a desktop's. Every claim event gets an answer row, online
 * or settled later (a claim made offline), so a retried claim hears the same answer and a
 * desktop can ask which of its offline claims it lost.
 */
const migration: TeamMigration = {
  version: 2,
  name: 'claims',
  async up(client) {
    await client.query(`
      CREATE TABLE team_claims (
        case_key    uuid        PRIMARY KEY,
        agent       text        NOT NULL,
        desktop_id  text        NOT NULL,
        lease_until timestamptz NOT NULL,
        event_id    uuid        NOT NULL
      );
      CREATE TABLE team_claim_answers (
        event_id   uuid    PRIMARY KEY,
        case_key   uuid    NOT NULL,
        agent      text    NOT NULL,
        granted    boolean NOT NULL,
        holder     text    NOT NULL,
        lease_until timestamptz NOT NULL
      );
    `);
  },
};

export default migration;
