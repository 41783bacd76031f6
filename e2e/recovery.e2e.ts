import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHost } from '../electron/host';
import { damagedStoreFile } from '../electron/store/test-support/temp-store';
import type { CaseChange } from '../shared/model/case';
import { buildRenderer, callApi, launch, openConsole, screenshot, tempDir } from './harness';

describe('a damaged store in the console', () => {
  let host: RunningServer;
  let browser: Awaited<ReturnType<typeof launch>>;

  beforeAll(async () => {
    const staticDir = await buildRenderer();
    host = await startHost({ dbFile: await damagedStoreFile(tempDir('damaged')), staticDir });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('says so at once and restores the newest good backup when the agent confirms', async () => {
    const { page } = browser;
    await openConsole(page, host);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The case store is damaged');
    await screenshot(page, 'store-damaged');

    page.once('dialog', (dialog) => void dialog.accept());
    await alert.getByRole('button', { name: 'Restore the newest good backup' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
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
});
