import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import type { CaseDetail } from '../shared/model/case';
import type { FactsInput } from '../shared/model/facts';
import { callApi, type ConsoleHost, screenshot, seriousViolations, startConsoleHost } from './harness';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
/** The console's words this walk reads, as an agent sees them (the e2e side never imports the renderer). */
const WORDS = {
  en: {
    claimNext: 'Claim next case',
    change: 'Change',
    cancel: 'Cancel',
    save: 'Save',
    record: 'Record decision',
    close: 'Close as resolved',
    closed: 'Closed',
    reopen: 'Reopen…',
    confirmReopen: 'Reopen the case',
    open: 'Open',
    secondDecision: 'Decision #2',
    markSent: 'Mark as sent',
    showAllHistory: 'Show all 14 other cases',
    sentBy: 'Sent by Mei Lin, telling CNY 120.00 (Eligible)',
  },
  zh: {
    claimNext: '领取下一个工单',
    change: '修改',
    cancel: '取消',
    save: '保存',
    record: '记录判定',
    close: '标记为已解决并关闭',
    closed: '已关闭',
    reopen: '重新打开…',
    confirmReopen: '重新打开工单',
    open: '待处理',
    secondDecision: '第 2 次判定',
    markSent: '标记为已发送',
    showAllHistory: '显示全部 14 个其他工单',
    sentBy: 'Mei Lin 已发送，告知 CNY 120.00（可以退款）',
  },
} as const;
type Language = keyof typeof WORDS;

/** A SaaS case the rules decide with nothing missing; `paidHoursAgo` orders the claims. */
function seedCase(index: number, paidHoursAgo: number, assignee?: string): unknown {
  const facts: FactsInput = {
    productType: 'saas',
    orderAmount: 9900,
    paidAt: ago(paidHoursAgo),
    requestedAt: ago(1),
    currency: 'CNY',
    voucherAmount: 0,
    invoiceIssued: false,
  };
  return {
    customer: { name: `Harbin Dumpling Co ${index}`, accountId: 'acc-harbin' },
    orderId: `ORD-${2000 + index}`,
    productName: 'SiteBuilder Pro',
    provider: 'Northwind Cloud',
    ...(assignee === undefined ? {} : { assignee }),
    facts,
  };
}

describe('an agent’s day: claim next → change a fact → decide → reply marked sent → close → reopen → decide again', () => {
  let host: RunningServer;
  let app: ConsoleHost;
  let page: Page;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: 'day',
      // axe's script tag needs the strict CSP bypassed, as in a11y.e2e.ts.
      bypassCSP: true,
      width: 1024,
      height: 768,
      seed: async (host) => {
        // Case 1 closes first but is someone else's; 2 (en) and 3 (zh) are claimed in that order.
        await callApi(host, 'cases.create', seedCase(1, 100, 'Bo'));
        await callApi(host, 'cases.create', seedCase(2, 90));
        await callApi(host, 'cases.create', seedCase(3, 80));
        for (let i = 4; i < 16; i++) await callApi(host, 'cases.create', seedCase(i, 70 - i));
      },
    });
    ({ host, page } = app);
  });
  afterAll(() => app?.close());

  const auditText = () => page.locator('.audit tbody').textContent();
  const statusBadge = () => page.locator('.case-head .badge').first().textContent();

  /** Each screen of the day at the three widths agents use, axe-checked at each. */
  async function shoot(name: string) {
    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
      await screenshot(page, `day-${name}-${width}`);
      expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
    }
  }

  for (const [language, expectedRef] of [
    ['en', 'RC-000002'],
    ['zh', 'RC-000003'],
  ] as const) {
    it(`walks the day in ${language}`, async () => {
      const w = WORDS[language as Language];
      await callApi(host, 'settings.set', { language });
      await page.goto(`${host.url}/#/queue`);
      await page.reload();
      await page.locator('.queue-row').first().waitFor();
      await shoot(`queue-${language}`);

      // Claim next: the open unassigned case closing first, not the one Bo already works.
      await page.getByRole('button', { name: w.claimNext }).click();
      await page.locator('#case-title').waitFor();
      expect(page.url()).toContain(`#/case/${expectedRef}`);
      await expect.poll(() => page.locator('.case-work strong').textContent()).toBe('Mei Lin');
      // The account's 14 other cases: the newest five, the rest on request.
      const history = page.locator('.account-history li');
      await expect.poll(() => history.count()).toBe(5);
      await page.getByRole('button', { name: w.showAllHistory }).click();
      await expect.poll(() => history.count()).toBe(14);

      // "Change" starts from the old value and Cancel keeps it: the fact is not cleared.
      const amountLabel = language === 'en' ? 'Order amount' : '订单金额';
      const change = page.getByRole('button', { name: `${w.change}: ${amountLabel}` });
      const rowsBefore = await page.locator('.audit tbody tr').count();
      await change.click();
      await expect.poll(() => page.locator('#edit-orderAmount').inputValue()).toBe('99.00');
      await page.getByRole('button', { name: w.cancel, exact: true }).click();
      const factRow = page.locator('.facts div', { hasText: amountLabel });
      expect(await factRow.textContent()).toContain('99.00');
      expect(await page.locator('.audit tbody tr').count()).toBe(rowsBefore);
      const stored = await callApi<CaseDetail>(host, 'cases.get', { ref: expectedRef });
      expect(stored.facts.orderAmount).toBe(9900);
      await change.click();
      await page.locator('#edit-orderAmount').fill('120');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await expect
        .poll(auditText)
        .toContain(
          language === 'en'
            ? 'Mei Lin changed Order amount from CNY 99.00 to CNY 120.00.'
            : 'Mei Lin 将订单金额从 CNY 99.00 改为 CNY 120.00。',
        );
      await shoot(`case-${language}`);

      // Decide, answer the customer, close as resolved, reopen with a reason, decide again.
      await page.keyboard.press('d');
      await page.locator('.done').waitFor();
      await shoot(`decide-${language}`);
      await page.getByRole('button', { name: w.record }).click();
      await page.locator('#case-title').waitFor();
      await expect.poll(() => page.locator('.decision-record').count()).toBe(1);
      // A decided case's window no longer counts down ("closed … ago" in red read as overdue).
      expect(await page.locator('.case-head .countdown').count()).toBe(0);
      await page.keyboard.press('r');
      await expect.poll(() => page.locator('#reply-body').inputValue()).toContain('120.00');
      await shoot(`reply-${language}`);
      await page.getByRole('button', { name: w.markSent }).click();
      await expect.poll(() => page.locator('.sent-replies li').first().textContent()).toContain(w.sentBy);
      await page.keyboard.press('Escape');
      await page.locator('#case-title').waitFor();
      await expect.poll(() => page.locator('.sent-replies li').first().textContent()).toContain(w.sentBy);
      await page.getByRole('button', { name: w.close }).click();
      await expect.poll(statusBadge).toBe(w.closed);
      await page.getByRole('button', { name: w.reopen }).click();
      await page.locator('#reopen-reason').fill('customer sent a second invoice');
      await page.getByRole('button', { name: w.confirmReopen }).click();
      await expect.poll(statusBadge).toBe(w.open);
      await expect.poll(auditText).toContain('customer sent a second invoice');
      await page.keyboard.press('d');
      await page.locator('.done').waitFor();
      await page.getByRole('button', { name: w.record }).click();
      await page.locator('#case-title').waitFor();
      await expect.poll(() => page.locator('.decision-record').count()).toBe(2);
      // Newest first, numbered as recorded.
      expect(await page.locator('.decision-record strong').first().textContent()).toContain(w.secondDecision);
      expect(await page.locator('.decision-record').first().textContent()).toContain('CNY 120.00');
      await shoot(`decided-${language}`);
      // Five screens at three widths, each checked by axe.
    }, 90_000);
  }

  it('filters, saves the filters as a view with its count, and assigns chosen rows by keyboard', async () => {
    await callApi(host, 'settings.set', { language: 'en' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${host.url}/#/queue`);
    await page.reload();
    await page.locator('.queue-row').first().waitFor();
    await page.getByLabel('Assignee', { exact: true }).fill('Bo');
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await expect.poll(() => page.locator('.queue-row').count()).toBe(1);
    await page.locator('#view-name').fill("Bo's cases");
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(() => page.locator('.saved-view button').first().textContent()).toBe("Bo's cases 1");
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('.queue-row').count()).toBeGreaterThan(5);
    // x chooses the current row, j moves: pass Bo's own case, choose the next two, hand them to Bo.
    await page.locator('.queue-scroll').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    const chosen = await page.locator('.queue-row[aria-checked="true"] .ref').allTextContents();
    expect(chosen).toHaveLength(2);
    await page.locator('#bulk-assignee').fill('Bo');
    await page.getByRole('button', { name: 'Assign selected' }).click();
    await expect.poll(() => page.locator('.saved-view button').first().textContent()).toBe("Bo's cases 3");
    for (const ref of chosen) {
      expect((await callApi<CaseDetail>(host, 'cases.get', { ref })).summary.assignee).toBe('Bo');
    }
    await screenshot(page, 'day-queue-bulk-en-1024');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('assigns a new case to the agent even when the form was opened by a reload', async () => {
    await page.goto(`${host.url}/#/new`);
    await page.reload();
    await page.locator('#f-customerName').waitFor();
    await expect.poll(() => page.locator('#f-assignee').inputValue()).toBe('Mei Lin');
  });

  it('keeps a known fact in the guided flow when its change is cancelled', async () => {
    await callApi(host, 'settings.set', { language: 'en' });
    await page.goto(`${host.url}/#/case/RC-000012/decide`);
    await page.reload();
    await page.locator('.done').waitFor();
    await page.getByRole('button', { name: 'Change: Order amount' }).click();
    await expect.poll(() => page.locator('#answer').inputValue()).toBe('99.00');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('.done').waitFor();
    const stored = await callApi<CaseDetail>(host, 'cases.get', { ref: 'RC-000012' });
    expect(stored.facts.orderAmount).toBe(9900);
    expect(stored.summary.revision).toBe(1);
  });
});
