import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditWithBackups } from './audit-backups';
import { createCase } from '../cases/cases';
import { importCases } from '../cases/cases-bulk';
import { openStore } from '../open';
import { markReplySent } from '../cases/replies';
import { copyOfFixture } from '../test-support/fixtures';
import { sampleCase, tempStore } from '../test-support/temp-store';
import { saveUsageExport } from '../cases/usage-exports';

/**
 * fixtures/replies-8df367d.sqlite was written by the code of commit 8df367d (the release
 * before this fix): a case created and decided, two imported, replies marked sent on the
 * created one and on an imported one, a usage export saved on the other. That code recorded
 * no "before" for a change that leaves the case row alone, so verify-audit called those
 * cases changed outside the console. Never regenerated: it stands for the files agents have.
 */
const USAGE = '{"packages": [], "usage": []}';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

describe('audit rows of changes that leave the case row alone', () => {
  it('verify after a reply is marked sent and a usage export saved, on created and imported cases', () => {
    const desk = tempStore();
    cleanups.push(desk.cleanup);
    const { store } = desk;
    const ref = createCase(store, sampleCase({ orderId: 'U-1' }), 'mei').detail.summary.ref;
    importCases(store, [sampleCase({ orderId: 'U-2' }), sampleCase({ orderId: 'U-3' })], 'mei');
    markReplySent(store, {
      ref,
      language: 'en',
      told: { outcome: 'needs_info', amount: null, currency: 'CNY', deadline: null },
      body: 'Please send…',
      agent: 'mei',
    });
    markReplySent(store, {
      ref: 'RC-000002',
      language: 'zh',
      told: { outcome: 'eligible', amount: 100, currency: 'CNY', deadline: null },
      body: '已退款。',
      agent: 'mei',
    });
    saveUsageExport(store, 'RC-000003', USAGE, 'mei', { packageMinutes: 0 });
    expect(verifyAuditWithBackups(store)).toMatchObject({ ok: true, problems: [] });
  });

  it('verify in a store an earlier release wrote them into, and in one edited behind their back', () => {
    const { file, cleanup } = copyOfFixture('replies-8df367d.sqlite');
    cleanups.push(cleanup);
    const store = openStore({ file, autoBackup: false });
    try {
      expect(verifyAuditWithBackups(store)).toMatchObject({ ok: true, problems: [] });
      store.db.prepare("UPDATE cases SET customer_name = 'Someone else' WHERE id = 1").run();
      expect(verifyAuditWithBackups(store).problems).toContainEqual(
        expect.stringContaining('RC-000001 differs from what its last audit row recorded'),
      );
    } finally {
      store.close();
    }
  });
});
