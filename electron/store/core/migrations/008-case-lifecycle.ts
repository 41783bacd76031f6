import type { Migration } from './types';

/**
 * The agent's day reads three new paths over the cases, each an index walk at a million:
 * "claim next" takes the first open unassigned case by deadline (a partial index holding only
 * those, so the walk never steps over assigned or settled cases); the case screen lists the
 * other cases of the same account; the queue filters by provider in each status arm.
 */
const caseLifecycle: Migration = {
  version: 8,
  name: 'case-lifecycle',
  up(db) {
    db.exec(`
      CREATE INDEX cases_claimable ON cases (deadline_key, id) WHERE status = 'open' AND assignee IS NULL;
      CREATE INDEX cases_account ON cases (account_id, id);
      CREATE INDEX cases_provider_status_deadline ON cases (provider, status, deadline_key, id);
    `);
  },
};

export default caseLifecycle;
