import { afterEach, describe, expect, it } from 'vitest';
import { createCase, importCases } from '../cases';
import { openStore } from '../open';
import { sampleCase, tempStore } from '../test-support/temp-store';
import { createBackup } from './backup';
import { restoreBackup } from './restore';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A store whose backup holds RC-000001..5 and whose live file went on to RC-000006. */
async function restoredToFive() {
  const env = tempStore();
  cleanups.push(env.cleanup);
  for (let i = 1; i <= 5; i++) createCase(env.store, sampleCase({ orderId: `O-${i}` }), 'ann');
  const backup = await createBackup(env.store);
  expect(createCase(env.store, sampleCase({ orderId: 'O-6' }), 'ann').detail.summary.ref).toBe('RC-000006');
  restoreBackup(env.store, backup.file, 'ann');
  return env;
}

describe('refs after a restore', () => {
  it('are never given again, in the process that restored', async () => {
    const env = await restoredToFive();
    expect(createCase(env.store, sampleCase({ orderId: 'O-7' }), 'ann').detail.summary.ref).toBe('RC-000007');
  });

  it('are never given again after the store is opened anew, one by one or by an import', async () => {
    const env = await restoredToFive();
    env.store.close();
    env.store = openStore({ file: env.file, autoBackup: false, now: env.clock.now });
    const imported = importCases(
      env.store,
      [sampleCase({ orderId: 'O-7' }), sampleCase({ orderId: 'O-8' })],
      'ann',
    );
    expect(imported).toMatchObject({ ok: true, firstRef: 'RC-000007', lastRef: 'RC-000008' });
    expect(createCase(env.store, sampleCase({ orderId: 'O-9' }), 'ann').detail.summary.ref).toBe('RC-000009');
  });
});
