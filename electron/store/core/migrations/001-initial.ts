import type { Migration } from './types';

// Instants are integer milliseconds since the epoch (UTC): they sort and compare as numbers
// and the API layer turns them into ISO strings. Money stays inside the facts and decision
// JSON as integer minor units. The generated `deadline_key` puts cases without a window last
// while keeping the deadline sort a plain index walk.
const SCHEMA = `
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  customer_name TEXT NOT NULL,
  account_id TEXT NOT NULL,
  contact TEXT,
  order_id TEXT NOT NULL,
  product_name TEXT NOT NULL,
  provider TEXT NOT NULL,
  product_type TEXT,
  facts TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'pending_customer', 'decided', 'closed')),
  assignee TEXT,
  latest_outcome TEXT,
  window_closes_at INTEGER,
  decided_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deadline_key INTEGER GENERATED ALWAYS AS (coalesce(window_closes_at, 9007199254740991)) VIRTUAL
);
CREATE INDEX cases_deadline ON cases (deadline_key, id);
CREATE INDEX cases_updated ON cases (updated_at, id);
CREATE INDEX cases_status_deadline ON cases (status, deadline_key, id);
CREATE INDEX cases_status_updated ON cases (status, updated_at, id);
CREATE INDEX cases_assignee_deadline ON cases (assignee, deadline_key, id);
CREATE INDEX cases_decided ON cases (decided_at) WHERE decided_at IS NOT NULL;

-- The queue's total for its four list filters: counting a million rows per page would cost
-- tens of milliseconds. Kept by the repository code in the transaction of each change
-- (counts.ts); per-row triggers doubled the time of a bulk import. NULL is stored as ''.
CREATE TABLE case_counts (
  status TEXT NOT NULL,
  product_type TEXT NOT NULL,
  latest_outcome TEXT NOT NULL,
  assignee TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (status, product_type, latest_outcome, assignee)
) WITHOUT ROWID;

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  recorded_outcome TEXT NOT NULL,
  override_justification TEXT,
  decision TEXT NOT NULL,
  facts TEXT NOT NULL,
  agent TEXT NOT NULL,
  note TEXT,
  decided_at INTEGER NOT NULL
);
CREATE INDEX decisions_case ON decisions (case_id, id);
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are immutable; record a new one'); END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are immutable; record a new one'); END;

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  author TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX notes_case ON notes (case_id, id);

CREATE TABLE drafts (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  language TEXT NOT NULL,
  body TEXT NOT NULL,
  saved_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, language)
) WITHOUT ROWID;

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  case_ref TEXT,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_case ON audit (case_ref, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- Contentless: the text already lives in cases and notes, so the index stores no copy.
-- detail=none keeps only which rows hold a token (no columns, no positions): searches are
-- AND-ed single tokens, which is all the console asks, and imports index twice as fast.
-- tokenchars keeps ids such as RC-000123 or O-2026-0042 one token, so a search for one
-- reads one short posting list instead of the huge list of a shared prefix like "rc".
CREATE VIRTUAL TABLE cases_fts USING fts5 (
  ref, customer, account_id, order_id, product, provider, notes,
  content = '', contentless_delete = 1, detail = none,
  tokenize = "unicode61 remove_diacritics 2 tokenchars '-_'"
);
`;

const initial: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(SCHEMA);
  },
};

export default initial;
