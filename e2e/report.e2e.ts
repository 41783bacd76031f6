import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import type { CaseChange } from '../shared/model/case';
import { callApi, type ConsoleHost, recordAsSeen, startConsoleHost } from './harness';

describe('the Report button on the case screen in Chromium', () => {
  let host: RunningServer;
  let app: ConsoleHost;
  let page: Page;
  let ref: string;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: 'report',
      seed: async (host) => {
        const created = await callApi<CaseChange>(host, 'cases.create', {
          customer: { name: 'Harbin <b>Dumpling</b> Co', accountId: 'acc-1' },
          orderId: 'ORD-1',
          productName: 'Northwind plan',
          provider: 'Northwind Cloud',
          facts: { productType: 'saas', paidAt: new Date().toISOString(), orderAmount: 19900 },
        });
        ref = created.detail.summary.ref;
        await recordAsSeen(host, ref, 'Mei Lin');
      },
    });
    ({ host, page } = app);
  });
  afterAll(() => app?.close());

  it('downloads the case report as a printable HTML file with the data as text', async () => {
    await page.goto(`${host.url}/#/case/${ref}`);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Report' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${ref}.html`);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain(`Refund decision ${ref}`);
    expect(html).toContain('Harbin &lt;b&gt;Dumpling&lt;/b&gt; Co');
    expect(html).toContain('CNY 199.00');
    await expect.poll(() => page.locator('.statusbar [role=status]').textContent()).toContain(`${ref}.html`);
  });
});
