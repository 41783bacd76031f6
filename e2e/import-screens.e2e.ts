import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import { CANONICAL_HEADER, csvText, orderRow } from '../electron/services/test-support/order-files';
import { generateCase, seededRandom } from '../electron/store/test-support/generate';
import {
  callApi,
  type ConsoleHost,
  screenshot,
  seriousViolations,
  startConsoleHost,
  tempDir,
} from './harness';

const NOW = Date.parse('2026-03-02T02:00:00.000Z');

describe('the Import screen and the export dialog: layout and accessibility', () => {
  let app: ConsoleHost;
  let host: RunningServer;
  let file: string;

  beforeAll(async () => {
    const dir = tempDir('import-screens');
    app = await startConsoleHost({
      name: 'import-screens',
      dbFile: path.join(dir, 'cases.sqlite'),
      // The axe script is added as a script tag, which the strict CSP forbids; only this test bypasses it.
      bypassCSP: true,
      seed: async (host) => {
        await callApi(host, 'importMappings.save', {
          name: 'Shop B',
          columns: { 'Order No': 'orderId' },
          amountUnit: 'yuan',
        });
      },
    });
    host = app.host;
    // A header the console does not know and one bad cell: the mapping and a row error both show.
    const random = seededRandom(3);
    const rows = Array.from({ length: 12 }, (_, i) => orderRow(generateCase(random, i, NOW), 'canonical'));
    rows[4]![CANONICAL_HEADER.indexOf('paidAt')] = '2026-03-01 10:00:00';
    file = path.join(dir, 'orders.csv');
    writeFileSync(
      file,
      csvText(
        [...CANONICAL_HEADER, 'Remarks'],
        rows.map((row) => [...row, 'note']),
      ),
    );
  });
  afterAll(() => app?.close());

  it('zh: the mapping and preview say the catalogue’s labels; bare times are grouped, then read in the offset chosen', async () => {
    await callApi(host, 'settings.set', { language: 'zh' });
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 1000 });
    await page.goto(`${host.url}/#/import`);
    await page.reload();
    await page.locator('#import-file').setInputFiles(file);
    await page.locator('.import-groups li').first().waitFor();
    const productType = CANONICAL_HEADER.indexOf('productType');
    expect(await page.locator(`#import-col-${productType} option:checked`).textContent()).toBe('商品类型');
    expect(await page.locator('.import-groups li').allTextContents()).toEqual([
      expect.stringMatching(/^1 行 · paidAt："2026-03-01 10:00:00" 没有时区偏移.*（第 6 行）$/),
    ]);
    expect(await page.locator('.import-rows thead th').allTextContents()).toEqual([
      '订单号',
      '客户名称',
      '商品名称',
      '商品类型',
      '订单金额',
      '付款时间',
    ]);
    const kinds = await page.locator('.import-rows tbody td:nth-child(4)').allTextContents();
    expect(
      kinds.every((kind) => ['SaaS / 软件', '服务', '镜像', 'API / 下载', '通信时长包'].includes(kind)),
    ).toBe(true);
    expect(await page.locator('#import-offset option').first().textContent()).toBe(
      '不假定：此类时间视为错误',
    );
    await page.locator('#import-offset').selectOption('+08:00');
    // Read in +08:00, row 6's time is now later than its request: the rules' own check says so.
    await page
      .locator('.import-groups li', { hasText: 'requestedAt：不能早于付款时间（第 6 行）' })
      .waitFor();
    expect(await page.locator('.import-groups li').count()).toBe(1);
  });

  for (const language of ['en', 'zh'] as const) {
    for (const width of [1024, 1920]) {
      it(`${language} at ${width}px: nothing serious for axe, nothing wider than the window`, async () => {
        await callApi(host, 'settings.set', { language });
        const { page } = app;
        await page.setViewportSize({ width, height: 1000 });
        await page.goto(`${host.url}/#/import`);
        // The language is read at start.
        await page.reload();
        await page.locator('#import-file').setInputFiles(file);
        await page.locator('.import-errors tbody tr').first().waitFor();
        await screenshot(page, `import-${language}-${width}`);
        expect(await seriousViolations(page)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);

        await page.goto(`${host.url}/#/queue`);
        await page.locator('.queue-tools .export-open').click();
        await page.locator('.export-dialog').waitFor();
        await screenshot(page, `export-dialog-${language}-${width}`);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }
});
