import type { Migration } from './types';

/**
 * The usage export an agent pasted into a communication package case's explainer belongs to
 * the case (it was kept in one browser's local storage before): one per case, replaced when
 * the agent pastes another, each save audited.
 */
const usageExports: Migration = {
  version: 10,
  name: 'usage-exports',
  up(db) {
    db.exec(`
      CREATE TABLE usage_exports (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id),
        body TEXT NOT NULL,
        saved_at INTEGER NOT NULL,
        saved_by TEXT NOT NULL
      )`);
  },
};

export default usageExports;
