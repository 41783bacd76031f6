import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import type { CaseChange } from '../shared/model/case';
import type { Language } from '../shared/model/languages';
import { ACTION_TEXTS } from '../shared/policy/clauses';
import { CUSTOMER_REASONS } from '../shared/policy/replies';
import { callApi, type ConsoleHost, screenshot, seriousViolations, startConsoleHost } from './harness';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
/** The console's words these checks look for (the Node side never imports the renderer). */
const TEXTS = {
  en: {
    requestTimeUnknown: 'The request time is not known',
    judgedAsOf: 'The rules judged this case as of now:',
    recordedTitle: 'Recorded decision (differs from the live one)',
    eligible: 'Eligible',
    ineligible: 'Not eligible',
    allCases: 'All cases',
    regenerate: 'Regenerate from the decision',
    replaceEdited: 'Replace your edited draft with a new one from the decision?',
    keepMine: 'Keep my draft',
    replace: 'Replace',
    undo: 'Undo regenerate',
    markSent: 'Mark as sent',
    sentByMeiLin: 'Sent by Mei Lin, telling CNY 90.00 (Eligible)',
    sentAudit: 'Mei Lin marked the reply in English as sent, telling the customer CNY 90.00 (Eligible).',
    templateSave: 'Save template for the team',
    templateEdited: 'Edited by Mei Lin,',
    kept: 'Kept with the case, saved by Mei Lin',
    setFact: 'Set “Minutes used” to 4,485 from the export',
    negative: 'An amount cannot be negative.',
    tooLarge: 'Too large for an order: at most 1,000,000,000.00.',
    halfTypedDate: 'This date is only partly typed: complete it or clear it.',
  },
  zh: {
    requestTimeUnknown: '申请退款时间未知',
    judgedAsOf: '规则按当前时间判定本案：',
    recordedTitle: '已记录的判定（与实时结果不同）',
    eligible: '可以退款',
    ineligible: '不支持退款',
    allCases: '全部工单',
    regenerate: '按判定重新生成',
    replaceEdited: '用按判定重新生成的草稿替换您编辑过的草稿吗？',
    keepMine: '保留我的草稿',
    replace: '替换',
    undo: '撤销重新生成',
    markSent: '标记为已发送',
    sentByMeiLin: 'Mei Lin 已发送，告知 CNY 90.00（可以退款）',
    sentAudit: 'Mei Lin 将简体中文回复标记为已发送，告知客户 CNY 90.00（可以退款）。',
    templateSave: '保存为团队模板',
    templateEdited: '编辑人：Mei Lin，',
    kept: '已随案件保存，保存人：Mei Lin',
    setFact: '按导出将“已用分钟数”设为 4,485',
    negative: '金额不能为负数。',
    tooLarge: '金额过大，不可能是一笔订单：最多 1,000,000,000.00。',
    halfTypedDate: '此日期只填写了一部分：请填写完整或清空。',
  },
} as const;
const WIDTH = 1366;

/** A usage export whose one package has 4,485 package minutes drawn (720p video, factor 1). */
const USAGE_EXPORT = JSON.stringify({
  packages: [{ id: 'PKG-5000', minutes: 5000, purchasedAt: ago(48), expiresAt: '2026-12-31T00:00:00+08:00' }],
  usage: [{ id: 'call-1', startedAt: ago(30), minutes: 4485, type: 'video', resolution: 720 }],
});

const newCase = (customer: string, facts: object) => ({
  customer: { name: customer, accountId: `acc-${customer.length}` },
  orderId: `ORD-${customer.length}`,
  productName: 'Voice API',
  provider: 'Northwind Cloud',
  facts,
});

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

describe.each(['en', 'zh'] as const)('replies and usage in %s', (language: Language) => {
  const t = TEXTS[language];
  let host: RunningServer;
  let app: ConsoleHost;
  let page: Page;
  let refused: string;
  let rtc: string;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: `replies-${language}`,
      settings: { language },
      // axe is added as a script tag, which the strict CSP forbids; only the a11y checks need the bypass.
      width: WIDTH,
      height: 900,
      bypassCSP: true,
      seed: async (host) => {
        // An API product is never refundable; no request time is given, so the rules judge it as of now.
        refused = (
          await callApi<CaseChange>(
            host,
            'cases.create',
            newCase('Chengdu Panda Studio', {
              productType: 'api',
              paidAt: ago(20),
              orderAmount: 10000,
              voucherAmount: 1000,
            }),
          )
        ).detail.summary.ref;
        rtc = (
          await callApi<CaseChange>(
            host,
            'cases.create',
            newCase('Xiamen Tea Exchange Co', {
              productType: 'rtc_package',
              paidAt: ago(48),
              requestedAt: ago(1),
              orderAmount: 9950,
              consumedMinutes: 0,
            }),
          )
        ).detail.summary.ref;
      },
    });
    ({ host, page } = app);
  });
  afterAll(() => app?.close());

  it('says the request time is unknown, with the instant used, and asks for it', async () => {
    await page.goto(`${host.url}/#/case/${refused}/decide`);
    const notice = page.locator('.notice', { hasText: t.requestTimeUnknown });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(t.judgedAsOf);
    expect(await notice.locator('time').count()).toBe(1);
    expect(await page.locator('#requested-at').count()).toBe(1);
    await screenshot(page, `replies-${language}-request-time-unknown`);
    await expectAxeClean(page);
  });

  it('after an override to eligible, the decision screen, the queue and the reply follow the record', async () => {
    await page.locator('.record input[type=checkbox]').check();
    await page.locator('#override-outcome').selectOption('eligible');
    await page.locator('#override-justification').fill('The provider agreed to refund this order in full.');
    await page.locator('.record button[type=submit]').click();
    await page.locator('#case-title').waitFor();
    expect(await page.locator('.case-head .badge').nth(1).textContent()).toBe(t.eligible);

    await page.goto(`${host.url}/#/case/${refused}/decide`);
    const recorded = page.locator('.panel.recorded');
    await recorded.waitFor();
    expect(await recorded.locator('h2').textContent()).toBe(t.recordedTitle);
    expect(await recorded.locator('.badge').textContent()).toBe(t.eligible);
    expect(await recorded.locator('.amount').textContent()).toBe('CNY 90.00');
    expect(await page.locator('#live-title + .big .badge').textContent()).toBe(t.ineligible);
    await screenshot(page, `replies-${language}-decide-recorded-beside-live`);
    await expectAxeClean(page);

    await page.goto(`${host.url}/#/queue`);
    await page.getByRole('button', { name: t.allCases, exact: true }).click();
    const row = page.locator('.queue-row', { hasText: refused });
    await row.waitFor();
    expect(await row.textContent()).toContain(t.eligible);

    await page.goto(`${host.url}/#/case/${refused}/reply`);
    const body = page.locator('#reply-body');
    await expect.poll(() => body.inputValue()).toContain('CNY 90.00');
    const text = await body.inputValue();
    expect(text).not.toContain(CUSTOMER_REASONS['delivery.api-or-download'][language]);
    expect(text).toContain(language === 'en' ? 'we will refund CNY 90.00 to you in cash' : '退款 CNY 90.00');
    await screenshot(page, `replies-${language}-reply-after-override`);
    await expectAxeClean(page);
  });

  it('asks before Regenerate replaces an edited draft, and Undo brings the edit back', async () => {
    const body = page.locator('#reply-body');
    const generated = await body.inputValue();
    await body.fill(`${generated}P.S. edited by hand`);
    await page.getByRole('button', { name: t.regenerate }).click();
    await page.getByText(t.replaceEdited).waitFor();
    await screenshot(page, `replies-${language}-regenerate-asks`);
    await page.getByRole('button', { name: t.keepMine }).click();
    expect(await body.inputValue()).toContain('P.S. edited by hand');
    await page.getByRole('button', { name: t.regenerate }).click();
    await page.getByRole('button', { name: t.replace, exact: true }).click();
    await expect.poll(() => body.inputValue()).toBe(generated);
    await page.getByRole('button', { name: t.undo }).click();
    await expect.poll(() => body.inputValue()).toContain('P.S. edited by hand');
  });

  it('marks the reply as sent: the time and agent stand on the reply screen and the case', async () => {
    await page.getByRole('button', { name: t.markSent }).click();
    const sent = page.locator('.sent-replies li');
    await sent.first().waitFor();
    expect(await sent.first().textContent()).toContain(t.sentByMeiLin);
    await page.goto(`${host.url}/#/case/${refused}`);
    await page.locator('.sent-replies li').first().waitFor();
    expect(await page.locator('.audit').textContent()).toContain(t.sentAudit);
    await screenshot(page, `replies-${language}-case-reply-sent`);
  });

  it('edits the team template for the outcome and language on screen', async () => {
    await page.goto(`${host.url}/#/case/${refused}/reply`);
    await page.locator('.template-editor summary').click();
    const editor = page.locator('#template-body');
    await editor.fill('{{customer}}: {{amount}} {{nonsense}}');
    expect(await page.locator('#template-problem').textContent()).toContain('{{nonsense}} is not a variable');
    await editor.fill('{{customer}}: {{amount}} ({{caseRef}})');
    await page.getByRole('button', { name: t.templateSave }).click();
    await page.getByText(t.templateEdited).waitFor();
    await screenshot(page, `replies-${language}-template-editor`);
    await expectAxeClean(page);
    const body = page.locator('#reply-body');
    await page.getByRole('button', { name: t.regenerate }).click();
    await page.getByRole('button', { name: t.replace, exact: true }).click();
    await expect.poll(() => body.inputValue()).toBe(`Chengdu Panda Studio: CNY 90.00 (${refused})\n`);
  });

  it('flags 0 minutes used against an export showing 4,485 drawn, keeps the export in the store, and sets the fact', async () => {
    await page.goto(`${host.url}/#/case/${rtc}`);
    const input = page.locator('#usage-json');
    await input.waitFor();
    await input.fill(USAGE_EXPORT);
    const alert = page.locator('.usage-facts');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('4,485');
    // Saved to the store once it reads as an export: a reload (and any other machine) shows it.
    await page.getByText(t.kept).waitFor();
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('usage'))),
    ).toEqual([]);
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, `replies-${language}-usage-contradiction`);
    await expectAxeClean(page);
    await page.reload();
    await expect.poll(() => page.locator('#usage-json').inputValue()).toBe(USAGE_EXPORT);
    await page.getByRole('button', { name: t.setFact }).click();
    await expect.poll(() => page.locator('.usage-facts').count()).toBe(0);
    const audit = await callApi<{ items: { action: string; detail: Record<string, unknown> }[] }>(
      host,
      'audit.list',
      {
        ref: rtc,
      },
    );
    expect(audit.items.map((item) => item.action)).toEqual(['case.create', 'usage.export', 'case.facts']);
    expect(audit.items[2]!.detail.facts).toMatchObject({ consumedMinutes: 4485 });
  });

  it('moves an export an earlier release left in the browser into the store', async () => {
    const legacy = await callApi<CaseChange>(
      host,
      'cases.create',
      newCase('Qingdao Brewing Lab', { productType: 'rtc_package', paidAt: ago(48), orderAmount: 9950 }),
    );
    const ref = legacy.detail.summary.ref;
    await page.evaluate(
      ([key, text]) => localStorage.setItem(key!, JSON.stringify(text)),
      [`refund-console.usage.${ref}`, USAGE_EXPORT],
    );
    await page.goto(`${host.url}/#/case/${ref}`);
    await page.getByText(t.kept).waitFor();
    expect(await callApi<{ text: string }>(host, 'usage.get', { ref })).toMatchObject({ text: USAGE_EXPORT });
    expect(await page.evaluate((key) => localStorage.getItem(key), `refund-console.usage.${ref}`)).toBeNull();
  });

  it('gives a refusal its reasons in customer words and the next step', async () => {
    const api = await callApi<CaseChange>(
      host,
      'cases.create',
      newCase('Harbin Dumpling Co', {
        productType: 'api',
        paidAt: ago(5),
        requestedAt: ago(1),
        orderAmount: 500,
      }),
    );
    await page.goto(`${host.url}/#/case/${api.detail.summary.ref}/reply`);
    const body = page.locator('#reply-body');
    await expect
      .poll(() => body.inputValue())
      .toContain(CUSTOMER_REASONS['delivery.api-or-download'][language]);
    expect(await body.inputValue()).toContain(ACTION_TEXTS.contact_provider[language]);
  });

  it('refuses implausible input at the field, in the agent’s language', async () => {
    await page.goto(`${host.url}/#/new`);
    await page.locator('#f-customerName').fill('Lanzhou Noodle Works');
    await page.locator('#f-accountId').fill('acc-9');
    await page.locator('#f-orderId').fill('ORD-9');
    await page.locator('#f-productName').fill('Noodle CRM');
    await page.locator('#f-provider').fill('Northwind Cloud');
    await page.locator('#f-orderAmount').fill('-199');
    await page.locator('#f-voucherAmount').fill('90000000000000');
    // Half a date: the day and month typed, the year and time not; the browser reports it empty.
    await page.locator('#f-paidAt').click();
    await page.keyboard.type('0103');
    await page.locator('.new-case button[type=submit]').click();
    await page.locator('#f-orderAmount-error').waitFor();
    expect(await page.locator('#f-orderAmount-error').textContent()).toBe(t.negative);
    expect(await page.locator('#f-voucherAmount-error').textContent()).toBe(t.tooLarge);
    expect(await page.locator('#f-paidAt-error').textContent()).toBe(t.halfTypedDate);
    expect(page.url()).toContain('#/new');
    await screenshot(page, `replies-${language}-new-case-errors`);
    await expectAxeClean(page);
  });
});
