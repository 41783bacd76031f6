import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase, getCase, recordDecision } from '../cases';
import { sampleCase, tempStore } from '../test-support/temp-store';
import { createBackup } from './backup';
import { restoreBackup } from './restore';

let cleanup = () => {};
afterEach(() => cleanup());

describe('restoring a forged backup', () => {
  it('is refused, naming what differs, and the store stays as it was', async () => {
    const env = tempStore();
    cleanup = env.cleanup;
    createCase(env.store, sampleCase(), 'ann');
    recordDecision(env.store, { ref: 'RC-000001', agent: 'ann' });
    const backup = await createBackup(env.store);
    createCase(env.store, sampleCase({ orderId: 'O-2' }), 'ann');
    // The amount edited with the guard trigger dropped and put back as it was: chain intact.
    const raw = new Database(backup.file);
    const trigger = raw
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'decisions_no_update'")
      .pluck()
      .get() as string;
    raw.exec(`DROP TRIGGER decisions_no_update;
      UPDATE decisions SET decision = json_set(decision, '$.refundAmount', 999999) WHERE id = 1;
      ${trigger};`);
    raw.close();

    expect(() => restoreBackup(env.store, backup.file, 'ann')).toThrow(
      /does not match its own audit trail: decision 1 differs from what audit row \d+ recorded/,
    );
    expect(getCase(env.store, 'RC-000002').summary.orderId).toBe('O-2');
  });
});
