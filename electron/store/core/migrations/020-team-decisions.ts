import type { Migration } from './types';

/**
 * One current decision per case in a team. Each decision that travels keeps the id of its team
 * event and, once the server has ordered it (pulled, or this desktop's own come back), the
 * server's sequence number: a decision arriving from a desktop that had not seen the case's
 * current one is concurrent, and the first in the server's order stays current everywhere
 * until an agent settles the conflict (store/team/team-decisions.ts).
 */
const teamDecisions: Migration = {
  version: 18,
  name: 'team-decisions',
  up(db) {
    db.exec(`
      CREATE TABLE team_decisions (
        decision_id INTEGER PRIMARY KEY REFERENCES decisions (id),
        event_id TEXT NOT NULL UNIQUE,
        seq INTEGER
      );
    `);
  },
};

export default teamDecisions;
