import type { Migration } from './types';

/**
 * Team mode's local half. The outbox holds every change made here, written in the change's
 * own transaction, until the team server has it. Cases get a team-wide key (refs differ from
 * desktop to desktop) when they first travel. The cursor is the last server event applied
 * here, moved in the same transaction as that event; every applied event's id is kept too, so
 * one delivered twice by any path is recognised. Conflicts keep both values of a field
 * changed on two desktops until an agent chooses.
 */
const teamSync: Migration = {
  version: 6,
  name: 'team-sync',
  up(db) {
    db.exec(`
      CREATE TABLE team_sync (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE team_applied (event_id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE team_rejected (
        event_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE TABLE team_case_keys (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id),
        case_key TEXT NOT NULL UNIQUE
      );
      CREATE TABLE team_outbox (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        case_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        body TEXT NOT NULL,
        made_at INTEGER NOT NULL,
        pushed_at INTEGER
      );
      CREATE INDEX team_outbox_waiting ON team_outbox (seq) WHERE pushed_at IS NULL;
      CREATE TABLE case_conflicts (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        field TEXT NOT NULL,
        base TEXT,
        local TEXT,
        remote TEXT,
        remote_event_id TEXT NOT NULL,
        remote_actor TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        resolved_at INTEGER,
        resolved_by TEXT
      );
      CREATE INDEX case_conflicts_open ON case_conflicts (case_id) WHERE resolved_at IS NULL;
    `);
  },
};

export default teamSync;
