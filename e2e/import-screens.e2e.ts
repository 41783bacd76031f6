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
