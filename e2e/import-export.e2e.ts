import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import { CANONICAL_HEADER, csvText, orderRow } from '../electron/services/test-support/order-files';
import { generateCase, seededRandom } from '../electron/store/test-support/generate';
import type { Language } from '../shared/model/languages';
import { callApi, type ConsoleHost, startConsoleHost, tempDir } from './harness';

const NOW = Date.parse('2026-03-02T02:00:00.000Z');

/** Real order files on disk: `count` orders from `first` on, under the given header. */
function ordersFile(
  dir: string,
  name: string,
  first: number,
  count: number,
  header = CANONICAL_HEADER,
): string {
  const random = seededRandom(first + 1);
  const rows = Array.from({ length: count }, (_, i) =>
    orderRow(generateCase(random, first + i, NOW), 'canonical'),
  );
  const file = path.join(dir, name);
  writeFileSync(file, csvText(header, rows));
  return file;
}

const TEXT = {
  en: {
    start: /^Import \d+ cases$/,
    refused: 'The import is refused while a row has an error',
    badAmount: '"lots" is not an amount',
    rate: /\d+ rows read · \d+ rows\/s · \d+%/,
    cancel: 'Cancel import',
    cancelled: 'The import was cancelled. Nothing was written.',
    saveMapping: 'Save mapping',
    applyMapping: 'Use saved mapping',
    exportButton: 'Export…',
    mineView: 'My open',
    run: 'Export',
  },
  zh: {
    start: /^导入 \d+ 个工单$/,
    refused: '有出错的行时不能导入',
    badAmount: '"lots" 不是金额',
    rate: /已读取 \d+ 行 · 每秒 \d+ 行 · \d+%/,
    cancel: '取消导入',
    cancelled: '导入已取消，未写入任何内容。',
    saveMapping: '保存对应方案',
    applyMapping: '使用已保存的对应方案',
    exportButton: '导出…',
    mineView: '我的待处理',
    run: '导出',
  },
} as const;

const caseTotal = async (host: RunningServer) =>
  (await callApi<{ total: number }>(host, 'cases.list', { limit: 1 })).total;

async function chooseFile(page: Page, file: string): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/import`);
  await page.locator('#import-file').setInputFiles(file);
  await page.locator('.import-preview').waitFor();
}

describe.each(['en', 'zh'] as const)('import and export in Chromium (%s)', (language: Language) => {
  const text = TEXT[language];
  let host: RunningServer;
  let app: ConsoleHost;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir(`import-${language}`);
    app = await startConsoleHost({
      name: `import-${language}`,
      dbFile: path.join(dir, 'cases.sqlite'),
      settings: { language },
      width: 1280,
      height: 900,
    });
    ({ host, page } = app);
  });
  afterAll(() => app?.close());

  it('previews a file with one bad row: the row and its column named, the import refused, nothing written', async () => {
    const file = ordersFile(dir, 'one-bad-row.csv', 0, 6);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    const cells = lines[3]!.split(',');
    cells[CANONICAL_HEADER.indexOf('orderAmount')] = 'lots';
    lines[3] = cells.join(',');
    writeFileSync(file, lines.join('\r\n'));

    await chooseFile(page, file);
    const errorRow = page.locator('.import-errors tbody tr');
    await expect.poll(() => errorRow.count()).toBe(1);
    expect(await errorRow.locator('td').allInnerTexts()).toEqual([
      '4',
      'orderAmount',
      expect.stringContaining(text.badAmount),
    ]);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain(text.refused);
    expect(await page.getByRole('button', { name: text.start }).isDisabled()).toBe(true);
    expect(await caseTotal(host)).toBe(0);

    // Chosen explicitly: the good rows go in and the bad one is reported, not half of anything.
    await page.locator('.import-run input[type="checkbox"]').check();
    await page.getByRole('button', { name: text.start }).click();
    await expect.poll(() => page.locator('[data-count="created"]').innerText()).toBe('5');
    expect(await page.locator('[data-count="skipped"]').innerText()).toBe('1');
    expect(await page.locator('[data-count="errors"]').innerText()).toBe('1');
    expect(await caseTotal(host)).toBe(5);
  });

  it('imports a large file with its progress shown, then says what it created', async () => {
    await chooseFile(page, ordersFile(dir, 'good.csv', 100, 60_000));
    await page.getByRole('button', { name: text.start }).click();
    const progress = page.locator('.import-progress');
    const seen = new Set<string>();
    while ((await page.locator('.import-summary').count()) === 0) {
      const line = await progress.innerText({ timeout: 100 }).catch(() => null);
      if (line !== null) seen.add(line);
      await page.waitForTimeout(30);
    }
    const shown = [...seen];
    expect(shown.some((line) => text.rate.test(line) && !/^(0|已读取 0)/.test(line))).toBe(true);
    expect(await page.locator('[data-count="created"]').innerText()).toBe('60000');
    expect(await caseTotal(host)).toBe(60_005);
    await page.screenshot({ path: path.join(dir, 'summary.png') });
    await page.locator('.import-after a').click();
    await page.locator('.queue-row').first().waitFor();
  }, 120_000);

  it('cancels an import halfway and writes nothing of it', async () => {
    await chooseFile(page, ordersFile(dir, 'to-cancel.csv', 100_000, 60_000));
    await page.getByRole('button', { name: text.start }).click();
    await expect
      .poll(() => page.locator('.import-progress').innerText(), { timeout: 10_000 })
      .toMatch(/[1-9]/);
    await page.getByRole('button', { name: text.cancel }).click();
    await expect
      .poll(() => page.locator('.import-run [role="status"]').innerText(), { timeout: 10_000 })
      .toBe(text.cancelled);
    expect(await caseTotal(host)).toBe(60_005);
  }, 120_000);

  it('saves a mapping by name and reads the next file from the same source with it', async () => {
    const header = CANONICAL_HEADER.map((name) =>
      name === 'orderId' ? 'Order No' : name === 'provider' ? 'Vendor' : name,
    );
    await chooseFile(page, ordersFile(dir, 'shop-b-1.csv', 200_000, 3, header));
    await expect.poll(() => page.locator('.import-errors').count()).toBe(1);
    await page.getByLabel('Order No').selectOption('orderId');
    await page.getByLabel('Vendor').selectOption('provider');
    await expect.poll(() => page.locator('.import-errors').count()).toBe(0);
    await page.locator('#import-mapping-name').fill('Shop B');
    await page.getByRole('button', { name: text.saveMapping }).click();
    await expect.poll(() => page.locator('#import-saved option').allInnerTexts()).toContain('Shop B');

    await chooseFile(page, ordersFile(dir, 'shop-b-2.csv', 300_000, 4, header));
    await expect.poll(() => page.locator('.import-errors').count()).toBe(1);
    await page.locator('#import-saved').selectOption('Shop B');
    await page.getByRole('button', { name: text.applyMapping, exact: true }).click();
    await expect.poll(() => page.locator('.import-errors').count()).toBe(0);
    expect(await page.getByLabel('Order No').inputValue()).toBe('orderId');
    await page.getByRole('button', { name: text.start }).click();
    await expect.poll(() => page.locator('[data-count="created"]').innerText()).toBe('4');
  });

  it('exports the queue view as JSON and as CSV, and the files read back', async () => {
    for (const orderId of ['MINE-1', 'MINE-2', 'MINE-3']) {
      await callApi(host, 'cases.create', {
        customer: { name: `Customer ${orderId}`, accountId: `acc-${orderId}` },
        orderId,
        productName: 'Northwind plan',
        provider: 'Northwind Cloud',
        assignee: 'Mei Lin',
        facts: { productType: 'saas', orderAmount: 19900, paidAt: '2026-03-01T10:00:00+08:00' },
      });
    }
    await page.goto(`${host.url}/#/queue`);
    await page.getByRole('button', { name: text.mineView, exact: true }).click();
    await expect.poll(() => page.locator('.queue-row').count()).toBe(3);
    await page.getByRole('button', { name: text.exportButton }).click();
    await page.locator('input[name="export-format"][value="json"]').check();
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: text.run, exact: true }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^refund-cases-mine-\d{4}-\d{2}-\d{2}\.json$/);
    const jsonFile = path.join(dir, json.suggestedFilename());
    await json.saveAs(jsonFile);
    const rows = JSON.parse(readFileSync(jsonFile, 'utf8')) as { orderId: string; assignee: string }[];
    expect(rows.map((row) => [row.orderId, row.assignee])).toEqual([
      ['MINE-1', 'Mei Lin'],
      ['MINE-2', 'Mei Lin'],
      ['MINE-3', 'Mei Lin'],
    ]);

    await page.locator('input[name="export-format"][value="csv"]').check();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: text.run, exact: true }).click(),
    ]);
    const csvFile = path.join(dir, 'mine.csv');
    await csv.saveAs(csvFile);
    const lines = readFileSync(csvFile, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]!.startsWith('ref,orderId,customerName')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['MINE-1', 'MINE-2', 'MINE-3']);
  });
});
