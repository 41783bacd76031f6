import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decide } from '../../../shared/policy';
import { getCase } from '../cases/case-detail';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { openStore } from '../open';
import { tempDir } from '../test-support/temp-store';

/**
 * Data written the way each schema version wrote it. A new migration adds an entry here
 * for its version (seeding what that version stored), so every earlier version is upgraded
 * in a test and checked to keep its data.
 */
const seedCase = (db: Database.Database) =>
  db
    .prepare(
      `INSERT INTO cases (id, customer_name, account_id, order_id, product_name, provider, product_type,
         facts, status, created_at, updated_at) VALUES (7, 'Zhang San', 'acc-7', 'O-7', 'Image', 'Acme', 'image',
         '{"productType":"image"}', 'open', 1, 2)`,
    )
    .run();

const SEED_AT_VERSION: Record<number, (db: Database.Database) => void> = {
  1: seedCase,
  2: seedCase,
  3: seedCase,
  4: seedCase,
  5: seedCase,
  6: seedCase,
  7: seedCase,
  8: seedCase,
  9: seedCase,
  10: (db) => {
    SEED_AT_VERSION[9]!(db);
    db.prepare(`INSERT INTO usage_exports VALUES (7, '{"packages":[],"usage":[]}', 3, 'ann')`).run();
  },
  11: (db) => {
    SEED_AT_VERSION[10]!(db);
    db.prepare(`INSERT INTO reply_templates VALUES ('eligible', 'en', 'Dear {{customer}},', 4, 'ann')`).run();
  },
  // The per-day figures are derived from the decisions: nothing of their own to seed.
  12: (db) => SEED_AT_VERSION[11]!(db),
  13: (db) => {
    SEED_AT_VERSION[12]!(db);
    db.prepare(
      `INSERT INTO decisions (id, case_id, recorded_outcome, override_justification, decision, facts, agent, decided_at)
       VALUES (3, 7, 'eligible', 'the customer was double charged by the provider', ?, '{"productType":"image"}', 'ann', 5)`,
    ).run(JSON.stringify(decide({ productType: 'image' }, { now: 5 })));
    db.prepare(
      `INSERT INTO approval_requests (decision_id, case_id, approval_key, why, requested_at)
       VALUES (3, 7, 'b0d3c7a2-6f4e-4c55-9d61-0c1f2a3b4c5d', '{"override":true,"threshold":null}', 5)`,
    ).run();
  },
  14: (db) => {
    SEED_AT_VERSION[13]!(db);
    const claim = db.prepare('INSERT INTO team_sync (key, value) VALUES (?, ?)');
    for (const [id, state, seen] of CLAIMS_AT_13)
      claim.run(
        `claim.${id}`,
        JSON.stringify({ caseId: 7, agent: 'ann', state, holder: null, answeredAt: 5, seen }),
      );
  },
  15: (db) => {
    SEED_AT_VERSION[14]!(db);
    db.prepare(
      `INSERT INTO team_outbox (event_id, case_key, kind, actor, body, made_at, parked_reason, parked_at)
       VALUES ('e-parked', 'k-7', 'approval.grant', 'ann', '{}', 5, 'four eyes', 6)`,
    ).run();
  },
  16: (db) => {
    SEED_AT_VERSION[15]!(db);
    db.prepare(
      `INSERT INTO case_messages (case_id, body, subject, sender, file_name, added_at, added_by)
       VALUES (7, 'Order total ¥480.00.', 'Refund', 'li@example.com', 'a.eml', 6, 'ann')`,
    ).run();
  },
  17: (db) => {
    SEED_AT_VERSION[16]!(db);
    db.prepare(
      `INSERT INTO decisions (id, case_id, recorded_outcome, override_justification, override_amount, decision,
         facts, agent, decided_at) VALUES (4, 7, 'conditional', 'a partial refund agreed with the provider', 100, ?,
         '{"productType":"image"}', 'ann', 6)`,
    ).run(JSON.stringify(decide({ productType: 'image' }, { now: 6 })));
  },
  // Drops the per-day override counts: nothing of its own to seed.
  18: (db) => SEED_AT_VERSION[17]!(db),
  19: (db) => {
    SEED_AT_VERSION[18]!(db);
    db.prepare(`INSERT INTO team_decisions (decision_id, event_id, seq) VALUES (4, 'e-decided', 9)`).run();
    db.prepare(
      `INSERT INTO team_held (event_id, seq, kind, at) VALUES ('e-newer', 10, 'refund.split', 7)`,
    ).run();
  },
};

// Claims as a version 13 store kept them: only the waiting and the unacknowledged lost ones are read again.
const CLAIMS_AT_13 = [
  ['e-granted', 'granted', true],
  ['e-waiting', 'provisional', true],
  ['e-lost-seen', 'lost', true],
  ['e-lost-unseen', 'lost', false],
] as const;

function seedClaimsAt13(db: Database.Database): void {
  const claim = db.prepare('INSERT INTO team_sync (key, value) VALUES (?, ?)');
  for (const [id, state, seen] of CLAIMS_AT_13)
    claim.run(
      `claim.${id}`,
      JSON.stringify({ caseId: 7, agent: 'ann', state, holder: null, answeredAt: 5, seen }),
    );
}

let cleanup = () => {};
afterEach(() => cleanup());

function databaseAt(version: number): string {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const file = join(temp.dir, 'cases.sqlite');
  const db = new Database(file);
  for (const migration of MIGRATIONS.filter((m) => m.version <= version)) migration.up(db);
  SEED_AT_VERSION[version]?.(db);
  db.pragma(`user_version = ${version}`);
  db.close();
  return file;
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… with one per file', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('build the latest schema from an empty file', () => {
    const store = openStore({ file: databaseAt(0), autoBackup: false });
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    store.close();
  });

  for (let version = 1; version <= LATEST_VERSION; version++) {
    it(`upgrade a version ${version} file with data to ${LATEST_VERSION}`, () => {
      expect(SEED_AT_VERSION[version], `seed data for version ${version}`).toBeDefined();
      const store = openStore({ file: databaseAt(version), autoBackup: false });
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(getCase(store, 'RC-000007').summary).toMatchObject({
        customerName: 'Zhang San',
        productType: 'image',
      });
      store.close();
    });
  }

  it('forget the claims a version 13 store kept that nothing reads again', () => {
    const file = databaseAt(13);
    const db = new Database(file);
    seedClaimsAt13(db);
    db.close();
    const store = openStore({ file, autoBackup: false });
    const kept = store.db
      .prepare("SELECT key FROM team_sync WHERE key LIKE 'claim.%' ORDER BY key")
      .pluck()
      .all();
    expect(kept).toEqual(['claim.e-lost-unseen', 'claim.e-waiting']);
    store.close();
  });

  it('apply all pending steps in one transaction: a failing step leaves the file as it was', () => {
    const file = databaseAt(0);
    const db = new Database(file);
    db.exec('CREATE TABLE cases (x)'); // makes the first migration fail halfway
    db.close();
    expect(() => openStore({ file, autoBackup: false })).toThrow(/already exists/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'audit'").pluck().get()).toBe(0);
    after.close();
  });
});
