import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import type { CaseChange } from '../shared/model/case';
import { RULE_BOOK } from '../shared/policy';
import {
  callApi,
  type ConsoleHost,
  recordAsSeen,
  screenshot,
  seriousViolations,
  startConsoleHost,
} from './harness';

const PAID = '2026-03-01T10:00:00+08:00';
// Refused by v1.1 (a lapsed item excludes the refund at any time), refunded in full by v1.
const lapsedService = {
  productType: 'service',
  serviceStatus: 'in_progress',
  paidAt: PAID,
  requestedAt: '2026-04-12T10:00:00+08:00',
  guaranteeEndsAt: '2026-12-31T00:00:00+08:00',
  orderAmount: 50000,
  exclusions: { scopeExceeded: false, itemLapsed: true, legalViolation: false },
};
// Six days after payment: past the book's 5-day SaaS window, inside a 7-day draft's.
const lateSaas = {
  productType: 'saas',
  paidAt: PAID,
  requestedAt: '2026-03-07T10:00:00+08:00',
  orderAmount: 19900,
};
const v1_1 = RULE_BOOK.revision('v1.1').data;
const sevenDaySaas = {
  ...v1_1,
  revision: 'draft-saas-7d',
  windows: { ...v1_1.windows, saasGuaranteeDays: 7 },
};

const newCase = (name: string, facts: object) => ({
  customer: { name, accountId: `acc-${name.length}` },
  orderId: `ORD-${name.length}`,
  productName: 'Northwind plan',
  provider: 'Northwind Cloud',
  facts,
});

const jsonFile = (name: string, content: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(content),
});

describe('the policy changes screen in Chromium', () => {
  let host: RunningServer;
  let app: ConsoleHost;
  let page: Page;
  let service: string;
  let saas: string;
  let decided: string;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: 'policy',
      // The axe script is added as a script tag, which the strict CSP forbids; only this test bypasses it.
      width: 1366,
      height: 768,
      bypassCSP: true,
      seed: async (host) => {
        const create = async (name: string, facts: object) =>
          (await callApi<CaseChange>(host, 'cases.create', newCase(name, facts))).detail.summary.ref;
        service = await create('Harbin Dumpling Co', lapsedService);
        saas = await create('Lanzhou Noodle Works', lateSaas);
        decided = await create('Qingdao Brewing Lab', lapsedService);
        await recordAsSeen(host, decided, 'Mei Lin');
      },
    });
    ({ host, page } = app);
  });
  afterAll(() => app?.close());

  const summary = () => page.locator('.policy-changes').textContent();

  it('opens from the nav and says that the newest revision changes nothing it has not decided', async () => {
    await page.getByRole('link', { name: 'Policy changes' }).click();
    await expect.poll(summary).toContain('Judged 3 cases again under v1/v1.1: 0 would change.');
    expect(await summary()).toContain('No open or recently decided case would be judged otherwise');
  });

  it('groups the cases the first reading would judge otherwise, each linked, open ones to decide again', async () => {
    await page.locator('#policy-revision').selectOption('v1');
    const group = page.locator('.change-group');
    await expect.poll(() => group.count()).toBe(1);
    const title = await group.locator('h2').textContent();
    expect(title).toContain(
      'v1/v1 judges it otherwise · Not eligible → Eligible · amount changes · clauses ' +
        '+service.in-progress, −exclusion.item-lapsed, −refund.contact-provider',
    );
    expect(title).toContain('2 cases');
    await expect.poll(() => group.getByRole('link', { name: service, exact: true }).count()).toBe(1);
    expect(await group.getByRole('link', { name: decided, exact: true }).getAttribute('href')).toBe(
      `#/case/${decided}`,
    );
    // Only the open case offers to decide again; the decided one is linked for reading.
    expect(await group.getByRole('link', { name: `Decide again: ${decided}` }).count()).toBe(0);
    await screenshot(page, 'policy-changes-v1-1366');
    expect(await seriousViolations(page)).toEqual([]);
    await group.getByRole('link', { name: `Decide again: ${service}` }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/case/${service}/decide`);
  });

  it('replays a what-if draft file without putting it in force', async () => {
    await page.goto(`${host.url}/#/policy-changes`);
    // The file input is drawn as its label; the keyboard still reaches it.
    await page.locator('#policy-revision').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('policy-draft');
    await page.locator('#policy-draft').setInputFiles(jsonFile('saas-7d.json', JSON.stringify(sevenDaySaas)));
    await expect.poll(summary).toContain('under v1/draft-saas-7d: 1 would change');
    const group = page.locator('.change-group');
    expect(await group.locator('h2').textContent()).toContain('Not eligible → Eligible');
    expect(await group.getByRole('link', { name: saas, exact: true }).count()).toBe(1);
    expect(await page.locator('#policy-revision').isDisabled()).toBe(true);
    await screenshot(page, 'policy-changes-draft-1366');
    expect(await seriousViolations(page)).toEqual([]);
    // The book in force still refuses the case.
    await page.getByRole('button', { name: 'Clear the draft' }).click();
    await expect.poll(summary).toContain('under v1/v1.1: 0 would change');
  });

  it('says plainly what is wrong with a draft that is not JSON or breaks the schema', async () => {
    await page.locator('#policy-draft').setInputFiles(jsonFile('notes.json', 'saas window: 7 days'));
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('notes.json is not a JSON file');
    const broken = { ...sevenDaySaas, windows: { ...sevenDaySaas.windows, saasGuaranteeDays: -3 } };
    await page.locator('#policy-draft').setInputFiles(jsonFile('broken.json', JSON.stringify(broken)));
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('draft.windows.saasGuaranteeDays');
    await page.getByRole('button', { name: 'Clear the draft' }).click();
  });

  it('judges page by page with its progress shown, and stops between pages keeping what it found', async () => {
    await page.goto(`${host.url}/#/queue`);
    // One case per page, each answer held back a little, so the pages can be watched and stopped.
    let pages = 0;
    await page.route('**/api/policy.replay', async (route) => {
      const payload = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
      pages++;
      if (pages > 1) await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue({ postData: JSON.stringify({ ...payload, pageSize: 1 }) });
    });
    await page.getByRole('link', { name: 'Policy changes' }).click();
    await page.locator('#policy-revision').selectOption('v1');
    const progress = page.locator('#replay-progress');
    await expect.poll(() => page.locator('.replay-progress').textContent()).toContain('1 case judged so far');
    expect(Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect
      .poll(() => page.locator('.policy-changes [role=status]').textContent())
      .toMatch(/^Stopped after [12] cases?/);
    const pagesWhenStopped = pages;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(pages).toBeLessThanOrEqual(pagesWhenStopped + 1); // at most the page already asked for
    await page.unroute('**/api/policy.replay');
    // Asked again, it runs to the end: the same answer as one call gives.
    await page.locator('#policy-revision').selectOption('');
    await page.locator('#policy-revision').selectOption('v1');
    await expect.poll(() => page.locator('.change-group h2').textContent()).toContain('2 cases');
  });

  it('reads in Chinese, from the command palette too', async () => {
    await callApi(host, 'settings.set', { language: 'zh' });
    await page.goto(`${host.url}/#/queue`);
    await page.reload();
    await expect.poll(() => page.locator('.topbar nav').textContent()).toContain('政策变更');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog').getByRole('combobox').fill('政策变更');
    await page.keyboard.press('Enter');
    await expect.poll(summary).toContain('已按 v1/v1.1 重新判定 3 个工单');
    await page.locator('#policy-revision').selectOption('v1');
    await expect.poll(() => page.locator('.change-group h2').textContent()).toContain('不支持退款');
    await screenshot(page, 'policy-changes-v1-zh-1366');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
