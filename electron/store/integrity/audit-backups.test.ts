import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../core/audit';
import { verifyAuditWithBackups } from './audit-backups';
import { createBackup } from './backup';
import { restoreBackup } from './restore';
import { createCase } from '../cases/cases';
import { sampleCase, tempStore } from '../test-support/temp-store';

let env: ReturnType<typeof tempStore>;
afterEach(() => env.cleanup());

function storeWithCases(count: number) {
  env = tempStore();
  for (let i = 0; i < count; i++) {
    env.clock.advance(60_000);
    createCase(env.store, sampleCase({ orderId: `O-${i}` }), 'ann');
  }
  return env.store;
}

/** What someone with the file and sqlite3 can do: drop the guards, then edit. */
const tamper = (sql: string) =>
  env.store.db.exec(`DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; ${sql}`);

describe('the audit trail checked against the newest backup', () => {
  it('agrees when nothing was touched', async () => {
    const store = storeWithCases(5);
    await createBackup(store);
    createCase(store, sampleCase(), 'ann');
    expect(verifyAuditWithBackups(store)).toEqual({ ok: true, rows: 6, firstBadSeq: null, problems: [] });
  });

  it('names the first row cut off the end of the chain, which the chain alone cannot see', async () => {
    const store = storeWithCases(5);
    await createBackup(store);
    tamper('DELETE FROM audit WHERE seq >= 4');
    expect(verifyAudit(store)).toEqual({ ok: true, rows: 3, firstBadSeq: null });
    expect(verifyAuditWithBackups(store)).toMatchObject({ ok: false, rows: 3, firstBadSeq: 4 });
  });

  it('names the first row of a chain rewritten and re-hashed from some point on', async () => {
    const store = storeWithCases(5);
    await createBackup(store);
    const row3 = store.db.prepare('SELECT * FROM audit WHERE seq = 3').get() as Record<string, unknown>;
    tamper('DELETE FROM audit WHERE seq >= 3');
    store.db
      .prepare(
        'INSERT INTO audit (seq, case_ref, action, actor, at, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(3, row3.case_ref, row3.action, 'mallory', row3.at, row3.detail, row3.prev_hash, 'f'.repeat(64));
    expect(verifyAuditWithBackups(store).firstBadSeq).toBe(3);
  });

  it('does not count a backup older than a restore, whose later rows the restore replaced', async () => {
    const store = storeWithCases(3);
    // Kept apart, since rotation keeps one backup a day in the store's own folder.
    const older = await createBackup(store, join(env.dir, 'kept'));
    env.clock.advance(60_000);
    createCase(store, sampleCase(), 'ann');
    env.clock.advance(60_000);
    await createBackup(store);
    env.clock.advance(60_000);
    restoreBackup(store, older.file, 'ann');
    expect(verifyAuditWithBackups(store)).toEqual({ ok: true, rows: 4, firstBadSeq: null, problems: [] });
  });
});
