import type { Migration } from './types';

/**
 * Team events this desktop keeps track of. One current decision per case in a team. Each decision that travels keeps the id of its team
 * event and, once the server has ordered it (pulled, or this desktop's own come back), the
 * server's sequence number: a decision arriving from a desktop that had not seen the case's
 * current one is concurrent, and the first in the server's order stays current everywhere
 * until an agent settles the conflict (store/team/team-decisions.ts). And a pulled event of a
 * kind this release does not know (a newer desktop's) is held, not applied as something else
 * nor set aside for good: it is listed in the team status and applied once an upgrade knows it.
 */
const teamEvents: Migration = {
  version: 19,
  name: 'team-events',
  up(db) {
    db.exec(`
      CREATE TABLE team_decisions (
        decision_id INTEGER PRIMARY KEY REFERENCES decisions (id),
        event_id TEXT NOT NULL UNIQUE,
        seq INTEGER
      );
      CREATE TABLE team_held (
        event_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        at INTEGER NOT NULL
      );
    `);
  },
};

export default teamEvents;
