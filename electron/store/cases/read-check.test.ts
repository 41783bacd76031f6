import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addNote, createCase, getCase, recordDecision, updateFacts } from '.';
import { sampleCase, tempStore } from '../test-support/temp-store';

let env: ReturnType<typeof tempStore>;
afterEach(() => env.cleanup());

/** A case with facts changed, a decision and a note: every kind of row its trail vouches for. */
function decidedCase() {
  env = tempStore();
  createCase(env.store, sampleCase(), 'ann');
  createCase(env.store, sampleCase({ orderId: 'O-2' }), 'ann');
  updateFacts(env.store, 'RC-000001', { ...sampleCase().facts, orderAmount: 25000 }, 'ann');
  recordDecision(env.store, { ref: 'RC-000001', agent: 'ann' });
  addNote(env.store, 'RC-000001', 'ann', 'called the customer');
}

/** What someone with the file and sqlite3 can do, through a connection of their own. */
function sql(text: string): void {
  const raw = new Database(env.file);
  raw.exec(text);
  raw.close();
}

const ALTERED = /^RC-000001: this case's stored data does not match its audit trail/;

describe('reading one case', () => {
  it('shows a case whose rows are what its trail recorded', () => {
    decidedCase();
    expect(getCase(env.store, 'RC-000001').decisions).toHaveLength(1);
  });

  it('refuses to show money edited in a decision outside the console', () => {
    decidedCase();
    sql(`DROP TRIGGER decisions_no_update;
      UPDATE decisions SET decision = json_set(decision, '$.refundAmount', 999999) WHERE id = 1`);
    expect(() => getCase(env.store, 'RC-000001')).toThrow(ALTERED);
    expect(getCase(env.store, 'RC-000002').summary.ref).toBe('RC-000002');
  });

  it('refuses a case row or a note edited outside the console', () => {
    decidedCase();
    sql(`UPDATE cases SET facts = json_set(facts, '$.orderAmount', 1) WHERE id = 1`);
    expect(() => getCase(env.store, 'RC-000001')).toThrow(ALTERED);
    env.cleanup();
    decidedCase();
    sql(`UPDATE notes SET body = 'never said' WHERE id = 1`);
    expect(() => getCase(env.store, 'RC-000001')).toThrow(ALTERED);
  });
});
