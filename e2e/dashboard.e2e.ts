import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHost } from '../electron/host';
import type { CaseDetail } from '../shared/model/case';
import { KINDS } from '../shared/model/catalogue';
import type { Language } from '../shared/model/languages';
import { formatMoney } from '../shared/model/money';
import { decide } from '../shared/policy';
import {
  buildRenderer,
  callApi,
  launch,
  openConsole,
  recordAsSeen,
  screenshot,
  seriousViolations,
  tempDir,
} from './harness';

const DAY = 86_400_000;
const WIDTHS = [1024, 1366, 1920] as const;

/** A case paid `daysAgo` days ago; a SaaS order of 30 days ago is out of its window. */
async function createCase(host: RunningServer, n: number, productType: string, daysAgo: number) {
  const created = await callApi<{ detail: { summary: { ref: string } } }>(host, 'cases.create', {
    customer: { name: n % 2 === 0 ? `Customer ${n}` : `深圳客户 ${n}`, accountId: `acc-${n}` },
    orderId: `ORD-DASH-${n}`,
    productName: `${productType} plan`,
    provider: n % 3 === 0 ? 'Northwind Cloud' : '腾飞云',
    facts: {
      productType,
      orderAmount: 10_000 + n * 100,
      paidAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
    },
  });
  return created.detail.summary.ref;
}

async function overrideAsSeen(host: RunningServer, ref: string, agent: string) {
  const detail = await callApi<CaseDetail>(host, 'cases.get', { ref });
  const { outcome, refundAmount } = decide(detail.facts, { now: Date.now() });
  return callApi(host, 'decisions.record', {
    ref,
    agent,
    revision: detail.summary.revision,
    seen: { outcome, refundAmount },
    override: { outcome: 'eligible', justification: 'Goodwill: the customer was billed twice by mistake.' },
  });
}

const refsShown = async (page: Page) => (await page.locator('.queue-row .ref').allTextContents()).sort();

describe('the team dashboard in Chromium', () => {
  let host: RunningServer;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const refs: Record<string, string[]> = { ann: [], overridden: [], open: [] };

  beforeAll(async () => {
    const staticDir = await buildRenderer();
    host = await startHost({ dbFile: path.join(tempDir('dashboard-db'), 'cases.sqlite'), staticDir });
    await callApi(host, 'settings.set', { agentName: 'Ann' });
    // Ann refuses three SaaS orders out of their window; Mei Lin grants two of them anyway.
    for (let n = 1; n <= 3; n++) refs.ann!.push(await createCase(host, n, 'saas', 30));
    for (const ref of refs.ann!) await recordAsSeen(host, ref, 'Ann');
    for (let n = 4; n <= 5; n++) refs.overridden!.push(await createCase(host, n, 'saas', 30));
    for (const ref of refs.overridden!) await overrideAsSeen(host, ref, 'Mei Lin');
    // Open work whose window closes within the week.
    refs.open!.push(await createCase(host, 6, 'saas', 3));
    // axe-core is injected as a script tag, which the console's CSP would refuse.
    browser = await launch({ bypassCSP: true });
    page = browser.page;
    await openConsole(page, host);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  async function openDashboard(period: 'Today' | 'Last 7 days' = 'Today') {
    await page.goto(`${host.url}/#/dashboard`);
    await page.locator('#dashboard-title').waitFor();
    await page.getByLabel(period).check();
    await page.locator('.dashboard-tiles dd').first().waitFor();
  }

  it('shows the period’s figures as charts and tables', async () => {
    await callApi(host, 'settings.set', { language: 'en' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await openDashboard();
    await expect.poll(() => page.locator('.dashboard-tiles dd').first().textContent()).toBe('5');
    const overrides = page.locator('[data-figure="overrides"] tbody tr');
    expect(await overrides.allTextContents()).toEqual(['Mei Lin2']);
    const outcomes = await page.locator('[data-figure="by-outcome"] tbody tr').allTextContents();
    expect(outcomes).toEqual(['Not eligible360.0%', 'Eligible240.0%']);
    expect(await page.locator('[data-figure="by-outcome"] svg .drill').count()).toBe(2);
    // Mei Lin's two overrides refund 104.00 and 105.00, both 腾飞云's SaaS orders.
    const cash = `CNY${formatMoney({ amount: 20_900, currency: 'CNY' })}2`;
    expect(await page.locator('[data-figure="cash-by-kind"] tbody tr').allTextContents()).toEqual([
      `${KINDS.saas.label.en}${cash}`,
    ]);
    expect(await page.locator('[data-figure="cash-by-provider"] tbody tr').allTextContents()).toEqual([
      `腾飞云${cash}`,
    ]);
    // The rules refused both: the overrides moved all of it.
    expect(await page.locator('[data-figure="override-cost"] tbody tr').allTextContents()).toEqual([
      `Mei Lin${cash}`,
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('drills from an agent’s overrides into the queue with exactly those cases', async () => {
    await openDashboard();
    await page.getByRole('button', { name: 'Open in the queue: Mei Lin' }).click();
    await page.locator('.drill-down').waitFor();
    await expect.poll(() => refsShown(page)).toEqual([...refs.overridden!].sort());
    expect(await page.locator('.drill-down').textContent()).toContain('by Mei Lin · overridden');
    await screenshot(page, 'dashboard-drill-overrides-en-1366');
  });

  it('drills from a bar of the chart (the refusals) and from a day of closing windows', async () => {
    await openDashboard();
    await page.locator('[data-figure="by-outcome"] svg .drill[data-label="Not eligible"] rect').click();
    await expect.poll(() => refsShown(page)).toEqual([...refs.ann!].sort());
    await openDashboard();
    const closingDay = page.locator('[data-figure="closing"] tbody button').first();
    await closingDay.click();
    await expect.poll(() => refsShown(page)).toEqual(refs.open);
    // Clearing the drill-down gives back every case.
    await page.locator('.drill-down button').click();
    await expect.poll(async () => (await refsShown(page)).length).toBe(6);
  });

  for (const language of ['en', 'zh'] as Language[]) {
    for (const width of WIDTHS) {
      it(`${language} at ${width}: nothing overflows the screen`, async () => {
        await callApi(host, 'settings.set', { language });
        await page.setViewportSize({ width, height: width >= 1920 ? 1080 : 768 });
        await page.goto(`${host.url}/#/dashboard`);
        await page.reload();
        await page.locator('.dashboard-tiles dd').first().waitFor();
        await page.locator('[data-figure="by-outcome"] svg').waitFor();
        const overflow = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          return main.scrollWidth - main.clientWidth;
        });
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `dashboard-${language}-${width}`);
      });
    }
  }
});
