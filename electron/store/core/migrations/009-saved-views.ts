import type { Migration } from './types';

/** Named queue filters the team shares: the query is the API's queue query, as JSON. */
const savedViews: Migration = {
  version: 9,
  name: 'saved-views',
  up(db) {
    db.exec(`
      CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        query TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `);
  },
};

export default savedViews;
