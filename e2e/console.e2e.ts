import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import type { CaseSummary } from '../shared/model/case';
import { RULE_BOOK } from '../shared/policy/versions';
import { createCase, recordDecision, walkGuidedFlow } from './flow';
import { callApi, type ConsoleHost, localInput, screenshot, startConsoleHost } from './harness';

// As the console shows them: the newest revision's texts, its windows filled in.
const CLAUSE_TEXTS = RULE_BOOK.newest().wording.clauses;

const DAY = 86_400_000;

async function pressSlashForSearch(page: Page): Promise<void> {
  await page.keyboard.press('/');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('queue-search');
}
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

describe('the console in Chromium against a fresh store', () => {
  let app: ConsoleHost;
  let host: RunningServer;
  let page: Page;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    // The first test names the agent in Settings, as a new agent does.
    app = await startConsoleHost({ name: 'console', keepSettings: true });
    ({ host, page } = app);
  });
  afterAll(() => app?.close());

  it('takes the agent name in settings', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.locator('#agent-name').fill('Mei Lin');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.topbar .agent').textContent()).toBe('Mei Lin');
    await screenshot(page, 'settings');
  });

  it('creates a SaaS case, asks only the payment time, and explains the voucher', async () => {
    await page.goto(`${host.url}/#/new`);
    await screenshot(page, 'new-case-empty');
    refs.saas = await createCase(page, {
      customer: 'Harbin Dumpling Co',
      kind: 'saas',
      fields: { orderAmount: '199.00', voucherAmount: '20.00', invoiceIssued: 'yes' },
    });
    const asked = await walkGuidedFlow(
      page,
      { productType: 'saas', orderAmount: 19900, voucherAmount: 2000, invoiceIssued: true },
      { paidAt: { text: localInput(now - 2 * DAY), value: iso(now - 2 * DAY) } },
    );
    expect(asked).toEqual(['paidAt']);
    const panel = page.locator('.panel');
    await expect.poll(() => panel.textContent()).toContain('CNY 179.00');
    expect(await panel.textContent()).toContain('minus voucher CNY 20.00');
    expect(await panel.textContent()).toContain(CLAUSE_TEXTS['refund.cash-only'].en);
    expect(await panel.textContent()).toContain('Return the invoice to the provider.');
    await screenshot(page, 'decide-saas-complete');
    await recordDecision(page);
    expect(await page.locator('.history').textContent()).toContain('Eligible');
    await screenshot(page, 'case-detail');
  });

  it('walks a service case through status, guarantee and every exclusion', async () => {
    refs.service = await createCase(page, {
      customer: 'Lanzhou Noodle Works',
      kind: 'service',
      fields: { orderAmount: '5,000.00', paidAt: localInput(now - 10 * DAY) },
    });
    await screenshot(page, 'decide-question');
    const no = { text: 'no', value: false };
    const asked = await walkGuidedFlow(
      page,
      { productType: 'service', orderAmount: 500000, currency: 'CNY', paidAt: iso(now - 10 * DAY) },
      {
        serviceStatus: { text: 'in_progress', value: 'in_progress' },
        guaranteeEndsAt: { text: localInput(now + 20 * DAY), value: iso(now + 20 * DAY) },
        // Asked positively ("Did the customer submit a service request…?"): "yes" stores false.
        'exclusions.noServiceRequest': { text: 'yes', value: false },
        'exclusions.infoWithheld': no,
        'exclusions.scopeExceeded': no,
        'exclusions.feedbackOverdue': { text: 'yes', value: false },
        'exclusions.itemLapsed': no,
        'exclusions.legalViolation': no,
      },
    );
    expect(asked.slice(0, 2)).toEqual(['serviceStatus', 'guaranteeEndsAt']);
    // Exclusions that cannot have happened 10 days after payment (3-month ones) are not asked;
    // a lapsed item (v1.1) can, so it is.
    expect(asked).toContain('exclusions.scopeExceeded');
    expect(asked).toContain('exclusions.itemLapsed');
    expect(await page.locator('.panel .badge').textContent()).toBe('Eligible');
    await recordDecision(page);
  });

  it('makes an in-use image conditional with the customer’s checklist', async () => {
    refs.image = await createCase(page, {
      customer: 'Qingdao Brewing Lab',
      kind: 'image',
      fields: { orderAmount: '300', paidAt: localInput(now - 1 * DAY) },
    });
    await walkGuidedFlow(
      page,
      { productType: 'image', orderAmount: 30000, paidAt: iso(now - DAY) },
      {
        billingMethod: { text: 'subscription', value: 'subscription' },
        imageInUse: { text: 'yes', value: true },
      },
    );
    const checklist = page.locator('.checklist li');
    await expect
      .poll(() => checklist.allTextContents())
      .toEqual([
        'Back up the data on the instance.',
        'Stop the instance or switch it to another operating system, then apply again.',
      ]);
    // What would change it, and why: computed by the rules, shown beside the outcome.
    expect(await page.locator('.panel .hints li').allTextContents()).toEqual([
      'Eligible for a full refund once the instance is stopped or its OS replaced.',
    ]);
    await page.locator('.panel details.why summary').click();
    expect(await page.locator('.panel details.why li').allTextContents()).toContain(
      'image.in-use imageInUse = true: applies',
    );
    await screenshot(page, 'decide-image-conditional');

    // A wrong answer can be taken back: the question comes again and the outcome follows.
    const inUseRow = page.locator('.facts div', { hasText: 'Image in use' });
    await inUseRow.getByRole('button', { name: 'Change' }).click();
    await expect
      .poll(() => page.locator('#question-text').textContent())
      .toBe('Is the image in use on an instance?');
    await page.locator('input[type=radio][value="no"]').check();
    await page.getByRole('button', { name: 'Save answer' }).click();
    await expect.poll(() => page.locator('.panel .badge').textContent()).toBe('Eligible');
    await inUseRow.getByRole('button', { name: 'Change' }).click();
    await page.locator('input[type=radio][value="yes"]').check();
    await page.getByRole('button', { name: 'Save answer' }).click();
    await expect
      .poll(() => page.locator('.panel .badge').textContent())
      .toBe('Eligible once the customer acts');
    await recordDecision(page);
  });

  it('refuses an API product and records an override only with a justification', async () => {
    refs.api = await createCase(page, {
      customer: 'Xiamen Tea Exchange',
      kind: 'api',
      fields: { orderAmount: '88.00', paidAt: localInput(now - DAY) },
    });
    await page.locator('.done').waitFor();
    expect(await page.locator('.panel').textContent()).toContain(CLAUSE_TEXTS['delivery.api-or-download'].en);
    await page.getByLabel('Override the outcome').check();
    await page.locator('#override-outcome').selectOption('eligible');
    await page.locator('#override-justification').fill('goodwill');
    const record = page.getByRole('button', { name: 'Record decision' });
    expect(await record.isDisabled()).toBe(true);
    await page
      .locator('#override-justification')
      .fill('Goodwill: the API was down for the whole first week.');
    await screenshot(page, 'decide-override');
    await recordDecision(page);
    expect(await page.locator('.history').textContent()).toContain('Goodwill: the API was down');
  });

  it('asks the amount of a communication package, then its usage', async () => {
    refs.rtc = await createCase(page, {
      customer: 'Chengdu Panda Studio',
      kind: 'rtc_package',
      fields: { paidAt: localInput(now - 3 * 3_600_000) },
    });
    const asked = await walkGuidedFlow(
      page,
      { productType: 'rtc_package', paidAt: iso(now - 3 * 3_600_000) },
      { orderAmount: { text: '99.5', value: 9950 }, consumedMinutes: { text: '0', value: 0 } },
    );
    expect(asked).toEqual(['orderAmount', 'consumedMinutes']);
    expect(await page.locator('.panel').textContent()).toContain('CNY 99.50');
    await recordDecision(page);
  });

  it('explains a package customer’s charges from their usage export', async () => {
    await page.goto(`${host.url}/#/case/${refs.rtc}`);
    const usage = {
      packages: [
        {
          id: 'P-late',
          minutes: 100,
          purchasedAt: '2026-03-01T00:00:00+08:00',
          expiresAt: '2026-06-01T00:00:00+08:00',
        },
        {
          id: 'P-soon',
          minutes: 10,
          purchasedAt: '2026-03-01T00:00:00+08:00',
          expiresAt: '2026-04-01T00:00:00+08:00',
        },
      ],
      usage: [
        { id: 'call-1', startedAt: '2026-03-02T09:00:00+08:00', minutes: 20, type: 'video', resolution: 720 },
        {
          id: 'call-2',
          startedAt: '2026-03-03T09:00:00+08:00',
          minutes: 10,
          type: 'video',
          resolution: 1440,
        },
      ],
      relay: [{ taskId: 'T1', startedAt: '2026-03-02T10:00:00+08:00', minutes: 12 }],
    };
    await page.getByLabel('Package and usage export (JSON)').fill(JSON.stringify(usage));
    const rows = page.locator('.usage-packages tbody tr');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([
        expect.stringMatching(/^P-late.*100\s*10\s*90$/),
        expect.stringMatching(/^P-soon.*10\s*10\s*0$/),
      ]);
    const calls = page.locator('.usage-timeline li');
    expect(await calls.nth(0).textContent()).toContain('drawn from P-soon (10), P-late (10)');
    expect(await calls.nth(1).textContent()).toContain('Pay-as-you-go');
    // Billed as the bill bills it: the call's own minutes, not package minutes.
    expect(await calls.nth(1).textContent()).toContain(
      'not covered by packages, 10 call minutes pay-as-you-go',
    );
    expect(await page.locator('.usage').textContent()).toContain('billed at the highest profile, 16IN_1080P');
    await page.locator('.usage-packages').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-usage-explainer');
    await page.getByLabel('Package and usage export (JSON)').fill('{"packages": [], "usage": [{"id": "x"}]}');
    expect(await page.locator('#usage-status').textContent()).toMatch(
      /Cannot explain this export: usage\[0\]\.\w+: /,
    );
  });

  it('lists every case in deadline order and moves with j/k', async () => {
    await page.goto(`${host.url}/#/queue`);
    await page.getByRole('button', { name: 'All cases' }).click();
    const rows = page.locator('.queue-row .ref');
    await expect.poll(() => rows.count()).toBe(5);
    const shown = await rows.allTextContents();
    const stored = await callApi<{ items: CaseSummary[] }>(host, 'cases.list', {});
    expect(shown).toEqual(stored.items.map((c) => c.ref));
    expect(shown).toEqual([refs.saas, refs.image, refs.rtc, refs.service, refs.api]);
    await screenshot(page, 'queue');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.locator('.queue-row[aria-selected="true"] .ref').textContent()).toBe(refs.image);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#case-title').textContent()).toContain(refs.image);
  });

  it('finds a case by search from the / shortcut and opens it with Enter', async () => {
    await page.keyboard.press('Escape');
    await pressSlashForSearch(page);
    await page.keyboard.type('Lanzhou');
    await expect.poll(() => page.locator('.queue-row .ref').allTextContents()).toEqual([refs.service]);
    await screenshot(page, 'queue-search');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#case-title').textContent()).toContain(refs.service);
  });

  it('drafts a reply from the decision and keeps typing across navigation', async () => {
    await page.goto(`${host.url}/#/case/${refs.saas}`);
    await page.locator('#case-title').waitFor();
    await page.keyboard.press('r');
    const body = page.locator('#reply-body');
    await expect.poll(() => body.inputValue()).toContain('we will refund CNY 179.00 to you in cash.');
    expect(await body.inputValue()).toContain('Return the invoice to the provider.');
    await body.press('End');
    await body.pressSequentially('\nPS: the refund reaches your card within 5 working days.');
    await expect.poll(() => page.locator('.reply-tools [aria-live]').textContent()).toMatch(/^Saved/);
    await screenshot(page, 'reply');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.goto(`${host.url}/#/case/${refs.saas}/reply`);
    await expect.poll(() => body.inputValue()).toContain('PS: the refund reaches your card');
  });

  it('finds everything again after the host restarts', async () => {
    await app.restartHost();
    host = app.host;
    await pressSlashForSearch(page);
    await page.keyboard.type('Harbin');
    await expect.poll(() => page.locator('.queue-row .ref').allTextContents()).toEqual([refs.saas]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#case-title').textContent()).toContain(refs.saas);
    await page.keyboard.press('r');
    await expect
      .poll(() => page.locator('#reply-body').inputValue())
      .toContain('PS: the refund reaches your card');
  });

  it('opens a case from the command palette', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog').getByRole('combobox').fill(refs.rtc!);
    await screenshot(page, 'palette');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#case-title').textContent()).toContain(refs.rtc);
  });

  it('switches to Chinese at runtime, clause texts and reply included', async () => {
    await page.goto(`${host.url}/#/settings`);
    await page.locator('#language').selectOption('zh');
    await expect.poll(() => page.locator('.topbar nav').textContent()).toContain('工单队列');
    await screenshot(page, 'settings-zh');
    await page.goto(`${host.url}/#/case/${refs.image}/decide`);
    await expect.poll(() => page.locator('.panel').textContent()).toContain(CLAUSE_TEXTS['image.in-use'].zh);
    await screenshot(page, 'decide-zh');
    await page.goto(`${host.url}/#/queue`);
    await page.getByRole('button', { name: '全部工单' }).click();
    await expect.poll(() => page.locator('.queue-row').count()).toBe(5);
    await screenshot(page, 'queue-zh');
    await page.goto(`${host.url}/#/case/${refs.saas}/reply`);
    const body = page.locator('#reply-body');
    await expect.poll(() => body.inputValue()).toContain('我们将以现金方式向您退款 CNY 179.00。');
    await body.press('End');
    await body.pressSequentially('\n如有疑问请随时联系。');
    await expect.poll(() => page.locator('.reply-tools [aria-live]').textContent()).toMatch(/^已保存/);
    await screenshot(page, 'reply-zh');
    const stored = await callApi<{ body: string }>(host, 'drafts.get', { ref: refs.saas, language: 'zh' });
    expect(stored.body).toContain('如有疑问请随时联系。');
  });
});
