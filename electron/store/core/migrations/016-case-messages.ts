import type { Migration } from './types';

/**
 * The customer's own messages, kept with their case: pasted text or a dropped mail, as the
 * agent read it (a mail's From, Date and Subject lines on top). Never changed or deleted once
 * added; each addition is audited, and the facts an agent accepts from one name it as their
 * source in the audit trail.
 */
const caseMessages: Migration = {
  version: 16,
  name: 'case-messages',
  up(db) {
    db.exec(`
      CREATE TABLE case_messages (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        body TEXT NOT NULL,
        subject TEXT,
        sender TEXT,
        file_name TEXT,
        added_at INTEGER NOT NULL,
        added_by TEXT NOT NULL
      );
      CREATE INDEX case_messages_case ON case_messages (case_id, id);
      CREATE TRIGGER case_messages_no_update BEFORE UPDATE ON case_messages
        BEGIN SELECT RAISE(ABORT, 'a customer message is never changed'); END;
      CREATE TRIGGER case_messages_no_delete BEFORE DELETE ON case_messages
        BEGIN SELECT RAISE(ABORT, 'a customer message is never deleted'); END;`);
  },
};

export default caseMessages;
