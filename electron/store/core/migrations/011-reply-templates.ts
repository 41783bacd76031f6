import type { Migration } from './types';

/**
 * The team's reply templates, per outcome and language. Only an edited template has a row:
 * the console's own wording (shared/policy/replies) stands for the others, so a later release
 * can improve the defaults without overwriting what a team wrote.
 */
const replyTemplates: Migration = {
  version: 11,
  name: 'reply-templates',
  up(db) {
    db.exec(`
      CREATE TABLE reply_templates (
        outcome TEXT NOT NULL,
        language TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (outcome, language)
      ) WITHOUT ROWID`);
  },
};

export default replyTemplates;
