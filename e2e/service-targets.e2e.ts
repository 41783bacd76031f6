import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import type { CaseChange } from '../shared/model/case';
import { callApi, screenshot, startConsoleHost, type ConsoleHost } from './harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const COMPANY = '深圳市腾飞网络科技有限公司';

// The console's words these checks look for (the Node side never imports the renderer).
const TEXTS = {
  en: {
    overdue: 'first reply overdue 1 h',
    due: 'first reply due in 6 h',
    windowClosed: /^refund window closed 3\d d \d+ h ago$/,
    breached: 'Open cases past their first-reply target now',
    saved: 'Settings saved.',
    skip: 'Skip to the screen',
    keys: 'Keyboard shortcuts',
    claimed: /^You now work RC-\d+: of the open unassigned cases, its refund window ends first \(/,
  },
  zh: {
    overdue: '首次回复已超时 1 小时',
    due: '首次回复 6 小时后到期',
    windowClosed: /^退款期限已于 3\d 天 \d+ 小时 前截止$/,
    breached: '当前已超过首次回复时限的待处理工单',
    saved: '设置已保存。',
    skip: '跳到正文',
    keys: '键盘快捷键',
    claimed: /^你现在处理 RC-\d+：在未分配的待处理工单中，它的退款期限最先截止（/,
  },
} as const;

describe.each(['en', 'zh'] as const)('service targets and the rough edges of a day, in %s', (language) => {
  const t = TEXTS[language];
  let app: ConsoleHost;
  let host: RunningServer;
  let page: Page;
  let late: string;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: `service-targets-${language}`,
      settings: { language },
      width: 1024,
      height: 800,
      seed: async (host) => {
        const open = async (requestedAgo: number, paidAgo: number, orderId: string, assignee?: string) =>
          (
            await callApi<CaseChange>(host, 'cases.create', {
              customer: { name: COMPANY, accountId: 'acc-tf' },
              orderId,
              productName: 'Team CRM',
              provider: 'Northwind Cloud',
              ...(assignee && { assignee }),
              facts: { productType: 'saas', paidAt: ago(paidAgo), requestedAt: ago(requestedAgo) },
            })
          ).detail.summary.ref;
        // Default SaaS targets: a first reply within 8 h, resolution within 3 d.
        late = await open(9 * HOUR + 10 * 60_000, 40 * DAY, 'ORD-LATE', 'Mei Lin');
        await open(2 * HOUR - 10 * 60_000, 2 * DAY, 'ORD-FRESH');
      },
    });
    ({ host, page } = app);
  }, 120_000);
  afterAll(() => app?.close());

  it('shows the next service clock in the queue, labelled, with the whole cut text on hover', async () => {
    await page.goto(`${host.url}/#/queue`);
    const clocks = page.locator('.queue-row .deadline small');
    await expect.poll(() => clocks.allTextContents()).toEqual(expect.arrayContaining([t.overdue, t.due]));
    expect(await page.locator('.queue-row .customer').first().getAttribute('title')).toBe(
      `${COMPANY} · Team CRM`,
    );
    await screenshot(page, `service-targets-${language}-queue-1024`);
  });

  it('says in the case which window closed and which clocks run', async () => {
    await page.goto(`${host.url}/#/case/${late}`);
    await page.locator('.case-head .service-clock').first().waitFor();
    expect(await page.locator('.case-head .countdown').textContent()).toMatch(t.windowClosed);
    expect(await page.locator('.case-head .service-clock').first().textContent()).toBe(t.overdue);
  });

  it('counts the breaches on the dashboard', async () => {
    await page.goto(`${host.url}/#/dashboard`);
    const tile = page.locator('.dashboard-tiles > div', { hasText: t.breached });
    await expect.poll(() => tile.locator('dd').textContent()).toBe('1');
  });

  it('says why Claim next chose the case', async () => {
    await page.goto(`${host.url}/#/queue`);
    await page.locator('.queue-tools .primary').click();
    await expect.poll(() => page.locator('[role="status"]').textContent()).toMatch(t.claimed);
  });

  it('says "Settings saved." in the language just chosen', async () => {
    const other = language === 'en' ? 'zh' : 'en';
    await page.goto(`${host.url}/#/settings`);
    await page.locator('#language').selectOption(other);
    await expect.poll(() => page.locator('[role="status"]').textContent()).toBe(TEXTS[other].saved);
  });

  it('lands the first Tab on a skip link to the screen, and lists the keys on ?', async () => {
    // The test before switched the language; a fresh load starts the Tab order at the top.
    await callApi(host, 'settings.set', { language });
    await page.goto(`${host.url}/#/case/${late}`);
    await page.reload();
    await page.locator('#case-title').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t.skip);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(page.url()).toContain(`/case/${late}`);
    await page.keyboard.press('?');
    await expect.poll(() => page.locator('dialog.shortcut-list h2').textContent()).toBe(t.keys);
    expect(await page.locator('dialog.shortcut-list kbd').count()).toBe(11);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.shortcut-list').count()).toBe(0);
  });

  it('closes the Kind filter’s list on a click outside it', async () => {
    await page.goto(`${host.url}/#/queue`);
    const kind = page.locator('.multi-choice').first();
    await kind.locator('summary').click();
    await kind.locator('fieldset input').first().check();
    expect(await kind.getAttribute('open')).not.toBeNull();
    await page.locator('#queue-title').click();
    await expect.poll(() => kind.getAttribute('open')).toBeNull();
    await kind.locator('summary').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => kind.getAttribute('open')).toBeNull();
  });
});
