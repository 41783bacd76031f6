import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditWithBackups } from './audit-backups';
import { CASE_SELECT, caseHash, rangeHash, type AuditState } from '../core/audit-state';
import { importCases } from '../cases/cases-bulk';
import { createCase, updateFacts } from '../cases/cases';
import { recordDecision } from '../cases/decisions';
import { addNote } from '../cases/notes';
import { setSettings } from '../cases/settings';
import { setTeamServerSetting } from '../team/team-status';
import { sampleCase, tempStore } from '../test-support/temp-store';

let env: ReturnType<typeof tempStore>;
afterEach(() => env.cleanup());

/** A store with every kind of audited change in it. */
function busyStore() {
  env = tempStore();
  const { store } = env;
  setSettings(store, { agentName: 'ann' });
  createCase(store, sampleCase({ orderId: 'O-1' }), 'ann');
  createCase(store, sampleCase({ orderId: 'O-2' }), 'ann');
  importCases(store, [sampleCase({ orderId: 'O-i1' }), sampleCase({ orderId: 'O-i2' })], 'ann');
  recordDecision(store, { ref: 'RC-000001', agent: 'ann', note: 'first' });
  addNote(store, 'RC-000002', 'ann', 'called the customer');
  updateFacts(store, 'RC-000004', { ...sampleCase().facts, orderAmount: 500 }, 'ann');
  return store;
}

/** What someone with the file and sqlite3 can do, through a connection of their own. */
function sql(text: string): void {
  const raw = new Database(env.file);
  raw.exec(text);
  raw.close();
}
const problems = () => verifyAuditWithBackups(env.store).problems;

describe('verify-audit checks the data against the trail', () => {
  it('finds nothing wrong in an untouched store', () => {
    busyStore();
    expect(verifyAuditWithBackups(env.store)).toMatchObject({ ok: true, problems: [] });
  });

  it("hashes an import's cases, read back as raw rows, exactly as caseHash hashes each", () => {
    env = tempStore();
    const { store } = env;
    createCase(store, sampleCase({ orderId: 'O-before' }), 'ann');
    importCases(
      store,
      [
        sampleCase({ orderId: 'O-a', assignee: 'mei' }),
        sampleCase({ orderId: 'O-b', customer: { name: '王芳', accountId: 'a-2' } }),
        sampleCase({ orderId: 'O-c', facts: { orderAmount: 100 } }), // no kind: no deadline
        sampleCase({ orderId: 'O-before' }), // a duplicate, not written
      ],
      'ann',
    );
    const { detail } = store.db.prepare('SELECT detail FROM audit ORDER BY seq DESC LIMIT 1').get() as {
      detail: string;
    };
    const { firstId, lastId, state } = JSON.parse(detail) as {
      firstId: number;
      lastId: number;
      state: AuditState;
    };
    const rows = store.db.prepare(`${CASE_SELECT} WHERE id BETWEEN ? AND ? ORDER BY id`).all(firstId, lastId);
    expect([firstId, lastId]).toEqual([2, 4]);
    expect(state.cases).toBe(rangeHash((rows as Record<string, unknown>[]).map(caseHash)));
    expect(problems()).toEqual([]);
  });

  it('names a decision edited with the triggers dropped', () => {
    busyStore();
    sql(
      "DROP TRIGGER decisions_no_update; UPDATE decisions SET recorded_outcome = 'full_refund' WHERE id = 1",
    );
    expect(problems()).toEqual(
      expect.arrayContaining([
        'decision 1 differs from what audit row 5 recorded: it was edited outside the console',
        'the guard triggers decisions_no_update are missing or altered',
      ]),
    );
  });

  it('names a decision deleted, with or without the triggers', () => {
    busyStore();
    sql('DROP TRIGGER decisions_no_delete; DELETE FROM decisions WHERE id = 1');
    sql("CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'x'); END");
    expect(problems()).toEqual([
      'decision 1 (audit row 5) is gone from the store: it was deleted outside the console',
      // Put back under its name, but not as it was.
      'the schema of trigger decisions_no_delete differs from what this version of the console builds',
      // The dashboard's figures still count it.
      "the dashboard's per-day figures (decision_days) do not match the decisions they count: " +
        'the dashboard and period reports may show wrong numbers; restore a backup',
    ]);
  });

  it("names a case's facts edited, for a case created one by one and one imported", () => {
    busyStore();
    sql(`UPDATE cases SET facts = json_set(facts, '$.orderAmount', 1) WHERE id IN (2, 3)`);
    expect(problems()).toEqual([
      'case RC-000002 differs from what its last audit row recorded: it was edited outside the console',
      'cases imported by audit row 4 differ from what it recorded',
    ]);
  });

  it('names an edit that a later change in the console would otherwise cover up', () => {
    busyStore();
    sql(`UPDATE cases SET customer_name = 'Someone Else' WHERE id = 1`);
    addNote(env.store, 'RC-000001', 'ann', 'later note');
    expect(problems()).toEqual(['case RC-000001 was changed outside the console before audit row 8']);
  });

  it('names an edited note, a case added without audit, settings and queue totals changed', () => {
    busyStore();
    sql(`UPDATE notes SET body = 'nothing' WHERE id = 1`);
    sql(`INSERT INTO cases (customer_name, account_id, order_id, product_name, provider, facts, status, created_at, updated_at)
         SELECT customer_name, account_id, 'O-x', product_name, provider, facts, status, created_at, updated_at FROM cases WHERE id = 1`);
    sql(`UPDATE settings SET value = '"mallory"' WHERE key = 'agentName'`);
    expect(problems()).toEqual([
      'case RC-000005 has no audit row: it was added outside the console',
      'note 1 differs from what audit row 6 recorded: it was edited outside the console',
      'the settings differ from what the last settings.set audit row recorded',
      'the queue totals (case_counts) do not add up to the cases',
      // The note's words and the added case are not what the search index holds.
      'the search index does not match the cases it indexes (case ids 2, 5): searches may miss or wrongly find them; restore a backup',
    ]);
  });

  describe('the team server, kept with the settings', () => {
    const server = { url: 'postgres://127.0.0.1:5432/team', login: 'ann' };

    // Rows written without the settings hash (067b474 and before) are checked against a file that
    // release wrote: release-067b474.test.ts.
    it('verifies when it is set after the settings, changed, left and set again', () => {
      busyStore();
      setTeamServerSetting(env.store, server, 'ann');
      expect(problems()).toEqual([]);
      setSettings(env.store, { language: 'zh' });
      setTeamServerSetting(env.store, { ...server, login: 'bob' }, 'ann');
      setTeamServerSetting(env.store, null, 'ann');
      expect(problems()).toEqual([]);
    });

    it('names a team server or a setting edited outside the console', () => {
      busyStore();
      setTeamServerSetting(env.store, server, 'ann');
      sql(
        `UPDATE settings SET value = '{"url":"postgres://mallory.example/team","login":"ann"}' WHERE key = 'teamServer'`,
      );
      expect(problems()).toEqual([
        'the team server setting differs from what the last team.server audit row recorded',
      ]);
      sql(`UPDATE settings SET value = '"mallory"' WHERE key = 'agentName'`);
      expect(problems()).toContain('the settings differ from what the last settings.set audit row recorded');
    });
  });
});
