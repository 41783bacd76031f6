import type { Migration } from './types';

/**
 * The period report and the lead's dashboard read the decisions recorded between two
 * instants (store/period.ts); without an index each of their queries would read every
 * decision ever recorded.
 */
const decisionsByTime: Migration = {
  version: 7,
  name: 'decisions-by-time',
  up(db) {
    db.exec('CREATE INDEX decisions_decided ON decisions (decided_at, case_id)');
  },
};

export default decisionsByTime;
