import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import type { CaseChange } from '../shared/model/case';
import type { Language } from '../shared/model/languages';
import { callApi, type ConsoleHost, screenshot, seriousViolations, startConsoleHost } from './harness';

/** The console's words these checks look for (the Node side never imports the renderer). */
const TEXTS = {
  en: {
    keep: 'Keep with the case',
    accept: 'Accept',
    inFacts: 'already in the facts',
    source: 'Read from the customer’s message #1.',
    create: 'Create case',
  },
  zh: {
    keep: '保存到工单',
    accept: '接受',
    inFacts: '已在事实中',
    source: '取自客户来信 #1。',
    create: '创建工单',
  },
} as const;

// A Chinese customer's mail as an agent pastes it: the kind, the amount, the payment and the
// invoice are stated; the request time is the mail's Date line.
const PASTED = [
  'From: 王磊 <wanglei@example.cn>',
  'Date: Fri, 6 Mar 2026 09:30:00 +0800',
  'Subject: 申请退款',
  '',
  '您好，我购买了贵司的SaaS软件，订单号：ORD-2026-31337。订单金额￥1,280.00元。',
  '我于2026年3月2日 14:30付款。已经开了发票。请帮忙处理退款，谢谢！',
].join('\n');

describe.each(['en', 'zh'] as const)("the customer's message in a case, in %s", (language: Language) => {
  const t = TEXTS[language];
  let host: RunningServer;
  let app: ConsoleHost;
  let page: Page;
  let ref: string;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: `messages-${language}`,
      settings: { language },
      width: 1366,
      height: 1000,
      bypassCSP: true,
      seed: async (host) => {
        ref = (
          await callApi<CaseChange>(host, 'cases.create', {
            customer: { name: '上海腾飞科技有限公司', accountId: 'acc-tf' },
            orderId: 'unknown',
            productName: 'Team CRM',
            provider: 'Northwind Cloud',
            facts: {},
          })
        ).detail.summary.ref;
      },
    });
    ({ host, page } = app);
  });
  afterAll(() => app?.close());

  it('keeps a pasted mail, marks what each proposal was read from, and writes accepted facts with their source', async () => {
    await page.goto(`${host.url}/#/case/${ref}`);
    await page.locator('#message-paste').fill(PASTED);
    await page.getByRole('button', { name: t.keep }).click();
    const proposals = page.locator('.proposals li');
    await expect.poll(() => proposals.count()).toBe(7);
    expect(await page.locator('.message-text mark').allTextContents()).toEqual([
      '6 Mar 2026 09:30:00 +0800',
      'SaaS',
      'ORD-2026-31337',
      '￥1,280.00元',
      '2026年3月2日 14:30',
      '已经开了发票',
    ]);
    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: 1000 });
      await screenshot(page, `messages-${language}-${width}-proposed`);
    }
    expect(await seriousViolations(page)).toEqual([]);

    // Accept every proposal, one by one, as an agent reading each would.
    while ((await page.getByRole('button', { name: t.accept, exact: true }).count()) > 0) {
      const before = await page.getByRole('button', { name: t.accept, exact: true }).count();
      await page.getByRole('button', { name: t.accept, exact: true }).first().click();
      await expect
        .poll(() => page.getByRole('button', { name: t.accept, exact: true }).count())
        .toBe(before - 1);
    }
    expect(await page.locator('.proposals .badge', { hasText: t.inFacts }).count()).toBe(7);
    const detail = await callApi<CaseChange['detail']>(host, 'cases.get', { ref });
    expect(detail.summary.orderId).toBe('ORD-2026-31337');
    expect(detail.facts).toEqual({
      productType: 'saas',
      currency: 'CNY',
      orderAmount: 128000,
      paidAt: '2026-03-02T14:30:00+08:00',
      requestedAt: '2026-03-06T09:30:00+08:00',
      invoiceIssued: true,
    });
    const audit = await callApi<{ items: { action: string; detail: { source?: unknown } }[] }>(
      host,
      'audit.list',
      { ref },
    );
    expect(
      audit.items
        .filter((item) => item.action === 'case.facts')
        .every((item) => item.detail.source !== undefined),
    ).toBe(true);
    expect(await page.locator('.audit').textContent()).toContain(t.source);
    await screenshot(page, `messages-${language}-accepted`);

    // With the facts accepted, the case decides.
    await page.goto(`${host.url}/#/case/${ref}/decide`);
    await page.locator('#live-title').waitFor();
    await screenshot(page, `messages-${language}-decide`);
    // Seven clicks, each a write and a re-render, and five screenshots: more than the default on a busy machine.
  }, 120_000);

  // A message given on the queue opens a case from it: the form takes its order and customer,
  // and the new case holds the message with its facts proposed, none applied.
  const openFromQueue = async (give: (page: Page) => Promise<void>) => {
    await page.goto(`${host.url}/#/queue`);
    await page.locator('#queue-title').waitFor();
    await give(page);
    await page.locator('.pending-message mark').first().waitFor();
    expect(await page.locator('#f-orderId').inputValue()).toBe('ORD-2026-31337');
    expect(await page.locator('#f-customerName').inputValue()).toBe('王磊');
    await page.locator('#f-accountId').fill('acc-wl');
    await page.locator('#f-productName').fill('Team CRM');
    await page.locator('#f-provider').fill('Northwind Cloud');
    await page.getByRole('button', { name: t.create, exact: true }).click();
    await expect.poll(() => page.locator('.proposals li').count()).toBe(7);
    const opened = decodeURIComponent(new URL(page.url()).hash).match(/RC-\d+/)![0];
    const detail = await callApi<CaseChange['detail']>(host, 'cases.get', { ref: opened });
    expect(detail.facts).not.toHaveProperty('orderAmount');
    return opened;
  };

  it('opens a case from a mail file dropped on the queue', async () => {
    await openFromQueue((page) =>
      page.locator('.queue').evaluate((queue, mail) => {
        const data = new DataTransfer();
        data.items.add(new File([mail], 'request.eml', { type: 'message/rfc822' }));
        queue.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, PASTED),
    );
    await screenshot(page, `messages-${language}-dropped-on-queue`);
  }, 60_000);

  it('opens a case from a message pasted on the queue', async () => {
    await openFromQueue((page) =>
      page.evaluate((mail) => {
        const data = new DataTransfer();
        data.setData('text/plain', mail);
        document.body.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, PASTED),
    );
  }, 60_000);
});
