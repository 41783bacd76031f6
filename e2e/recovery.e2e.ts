import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import { damagedStoreFile } from '../electron/store/test-support/temp-store';
import type { CaseChange } from '../shared/model/case';
import { callApi, type ConsoleHost, screenshot, startConsoleHost, tempDir } from './harness';

describe('a damaged store in the console', () => {
  let app: ConsoleHost;
  let host: RunningServer;
  let dbFile: string;

  beforeAll(async () => {
    dbFile = await damagedStoreFile(tempDir('damaged'));
    // A damaged store opens read-only: nothing can be set before the agent sees it.
    app = await startConsoleHost({ name: 'damaged', dbFile, keepSettings: true });
    host = app.host;
  });
  afterAll(() => app?.close());

  it('says so at once and restores the newest good backup when the agent confirms', async () => {
    const { page } = app;
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The case store is damaged');
    await screenshot(page, 'store-damaged');

    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await alert.getByRole('button', { name: 'Restore the newest good backup' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    // The question named the backup and what it replaces; afterwards the page says what it did.
    expect(question).toMatch(/^Restore the backup cases-\d{8}T\d{9}Z(-manual)?\.sqlite, the newest/);
    expect(question).toContain(`replaces the damaged case store in ${path.dirname(dbFile)}`);
    const restored = page.getByRole('status').filter({ hasText: 'Restored the backup' });
    await expect
      .poll(() => restored.textContent())
      .toMatch(/^Restored the backup cases-.*\.sqlite\. The replaced case store is kept as \/.+/);
    expect(await callApi(host, 'store.status', {})).toMatchObject({ damaged: false });
    await expect.poll(() => page.locator('.queue-row').count()).toBeGreaterThan(0);
    const created = await callApi<CaseChange>(host, 'cases.create', {
      customer: { name: 'After Restore', accountId: 'acc-r' },
      orderId: 'O-r',
      productName: 'P',
      provider: 'V',
      facts: { productType: 'api' },
    });
    expect(created.detail.summary.ref).toBe('RC-000301');
  });

  it('names the backup, its kind and the store it replaces before a restore from Settings', async () => {
    const { page } = app;
    await page.goto(`${host.url}/#/settings`);
    await page.getByRole('button', { name: 'Create a backup now' }).click();
    const restore = page.getByRole('button', { name: /^Restore the backup .*-manual\.sqlite$/ });
    await restore.first().waitFor();
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.dismiss();
    });
    await restore.first().click();
    await expect
      .poll(() => question)
      .toMatch(/^Restore the backup cases-\d{8}T\d{9}Z-manual\.sqlite \(taken /);
    expect(question).toContain('UTC+08:00, taken by hand)?');
    expect(question).toContain(`It replaces the case store in ${path.dirname(dbFile)}`);
    // Cancelled: nothing was restored, the case made after the first restore is still there.
    expect(await callApi(host, 'cases.get', { ref: 'RC-000301' })).toBeTruthy();
  });
});
