import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from './audit';
import { canonicalJson } from './canonical';
import { createCase } from '../cases/cases';
import { addNote } from '../cases/notes';
import { sampleCase, tempStore } from '../test-support/temp-store';

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
  for (let i = 0; i < 5; i++) createCase(env.store, sampleCase({ orderId: `O-${i}` }), 'ann');
  addNote(env.store, 'RC-000002', 'ann', 'first call');
});
afterEach(() => env.cleanup());

/** What someone with the sqlite3 shell could do: drop the guards and edit. */
function tamper(sql: string) {
  env.store.db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  env.store.db.exec(sql);
}

describe('audit trail', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAudit(env.store)).toEqual({ ok: true, rows: 6, firstBadSeq: null });
  });

  it('refuses UPDATE and DELETE through its triggers', () => {
    expect(() => env.store.db.exec("UPDATE audit SET actor = 'mallory'")).toThrow(/append-only/);
    expect(() => env.store.db.exec('DELETE FROM audit WHERE seq = 6')).toThrow(/append-only/);
  });

  it('names an edited row', () => {
    tamper(`UPDATE audit SET detail = '{"body":"nothing happened","noteId":1}' WHERE seq = 6`);
    expect(verifyAudit(env.store)).toEqual({ ok: false, rows: 6, firstBadSeq: 6 });
  });

  it('names an edited row whose stored hash was replaced as well', () => {
    const row = env.store.db.prepare('SELECT * FROM audit WHERE seq = 3').get() as { hash: string };
    tamper(`UPDATE audit SET actor = 'mallory', hash = '${'f'.repeat(64)}' WHERE seq = 3`);
    expect(row.hash).not.toBe('f'.repeat(64));
    expect(verifyAudit(env.store).firstBadSeq).toBe(3);
  });

  it('names the row after a deleted one', () => {
    tamper('DELETE FROM audit WHERE seq = 4');
    expect(verifyAudit(env.store)).toEqual({ ok: false, rows: 5, firstBadSeq: 5 });
  });

  it('keeps chaining after a global row and hashes canonical content', () => {
    env.store.write(() =>
      appendAudit(env.store, { caseRef: null, action: 'x', actor: 'a', detail: { b: 1, a: [2] } }),
    );
    expect(verifyAudit(env.store).ok).toBe(true);
    expect(canonicalJson({ b: { d: 1, c: undefined, a: 2 }, a: [{ z: 1, y: 2 }] })).toBe(
      '{"a":[{"y":2,"z":1}],"b":{"a":2,"d":1}}',
    );
  });
});
