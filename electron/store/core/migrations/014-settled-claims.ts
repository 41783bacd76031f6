import type { Migration } from './types';

/**
 * Claims were remembered in team_sync for good, though only two kinds are ever read again: a
 * provisional one (waiting for the server's answer) and a lost one the agent has not yet
 * acknowledged. The rest were read and parsed on every sync round and grew with every claim
 * an agent made. They are no longer kept (team-claims.ts); this drops those kept before.
 */
const settledClaims: Migration = {
  version: 14,
  name: 'settled-claims',
  up(db) {
    db.exec(`
      DELETE FROM team_sync
       WHERE key LIKE 'claim.%'
         AND json_extract(value, '$.state') <> 'provisional'
         AND json_extract(value, '$.seen') = 1;
    `);
  },
};

export default settledClaims;
