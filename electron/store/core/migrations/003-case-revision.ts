import type { Migration } from './types';

/**
 * Every case carries a revision that each change to it (facts, status, decision, note,
 * assignment) increments, so a write can say which revision it was made on and be refused
 * when the app, the CLI or the host changed the case in between (optimistic concurrency).
 * Cases written before start at 1: no earlier change can be claimed as seen by anyone.
 */
const caseRevision: Migration = {
  version: 3,
  name: 'case-revision',
  up(db) {
    db.exec('ALTER TABLE cases ADD COLUMN revision INTEGER NOT NULL DEFAULT 1');
  },
};

export default caseRevision;
