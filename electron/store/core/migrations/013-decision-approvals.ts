import type { Migration } from './types';

/**
 * Four-eyes approval in team mode. A decision that needs a lead's approval (an override, or a
 * refund above the team's threshold) gets a request row when it is recorded; the request's
 * `state` (waiting, granted, refused) says whether the decision counts, and is the only value
 * that ever changes. Each lead's answer is appended to approval_answers and never changed.
 * `approval_key` names the request across desktops (decision ids are per desktop).
 */
const decisionApprovals: Migration = {
  version: 13,
  name: 'decision-approvals',
  up(db) {
    db.exec(`
      CREATE TABLE approval_requests (
        decision_id INTEGER PRIMARY KEY REFERENCES decisions (id),
        case_id INTEGER NOT NULL REFERENCES cases (id),
        approval_key TEXT NOT NULL UNIQUE,
        why TEXT NOT NULL,
        requested_at INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'granted', 'refused'))
      );
      CREATE INDEX approval_requests_by_case ON approval_requests (case_id, state);
      CREATE INDEX approval_requests_waiting ON approval_requests (requested_at) WHERE state = 'waiting';
      CREATE TRIGGER approval_requests_no_delete BEFORE DELETE ON approval_requests
      BEGIN SELECT RAISE(ABORT, 'approval requests are kept; answer them instead'); END;
      CREATE TRIGGER approval_requests_state_only BEFORE UPDATE OF decision_id, case_id, approval_key, why,
        requested_at ON approval_requests
      BEGIN SELECT RAISE(ABORT, 'only an approval request''s state changes'); END;
      CREATE TABLE approval_answers (
        id INTEGER PRIMARY KEY,
        decision_id INTEGER NOT NULL REFERENCES approval_requests (decision_id),
        granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
        lead TEXT NOT NULL,
        reason TEXT,
        answered_at INTEGER NOT NULL
      );
      CREATE INDEX approval_answers_by_decision ON approval_answers (decision_id, id);
      CREATE TRIGGER approval_answers_no_update BEFORE UPDATE ON approval_answers
      BEGIN SELECT RAISE(ABORT, 'approval answers are immutable'); END;
      CREATE TRIGGER approval_answers_no_delete BEFORE DELETE ON approval_answers
      BEGIN SELECT RAISE(ABORT, 'approval answers are immutable'); END;
    `);
  },
};

export default decisionApprovals;
