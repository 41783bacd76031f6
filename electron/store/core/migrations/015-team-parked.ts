import type { Migration } from './types';

/**
 * Team mode never wedges on one refused change. An event the team server refuses (an approval
 * it will not take, a decision that may not arrive counted) is parked in the outbox with the
 * server's reason: it is no longer pushed, the rest keep syncing, and the agent sees it and
 * redoes (pushes again) or withdraws it. And a decision waiting for approval keeps the login
 * that made it (the one that pushed it, for a pulled one), so a lead's desktop refuses, as the
 * server does, to approve what its own login decided.
 */
const teamParked: Migration = {
  version: 15,
  name: 'team-parked',
  up(db) {
    db.exec(`
      ALTER TABLE team_outbox ADD COLUMN parked_reason TEXT;
      ALTER TABLE team_outbox ADD COLUMN parked_at INTEGER;
      ALTER TABLE team_outbox ADD COLUMN withdrawn_at INTEGER;
      DROP INDEX team_outbox_waiting;
      CREATE INDEX team_outbox_waiting ON team_outbox (seq) WHERE pushed_at IS NULL AND parked_at IS NULL;
      CREATE INDEX team_outbox_parked ON team_outbox (seq) WHERE parked_at IS NOT NULL;
      ALTER TABLE approval_requests ADD COLUMN pushed_by TEXT;
    `);
  },
};

export default teamParked;
