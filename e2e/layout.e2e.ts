import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import type { CaseChange } from '../shared/model/case';
import type { Language } from '../shared/model/languages';
import { callApi, screenshot, startConsoleHost, type ConsoleHost } from './harness';

const DAY = 86_400_000;
const WIDTHS = [1024, 1366, 1920, 2560] as const;

/** A service case 100 days after payment: every exclusion (the long labels) known, the guarantee end asked. */
const SERVICE_CASE = {
  customer: { name: '深圳市腾飞网络科技有限公司', accountId: 'acc-layout' },
  orderId: 'ORD-LAYOUT-1',
  productName: 'Website build and ICP filing support, premium package',
  provider: 'Northwind Cloud',
  assignee: 'Mei Lin',
  facts: {
    productType: 'service',
    orderAmount: 500000,
    paidAt: new Date(Date.now() - 100 * DAY).toISOString(),
    serviceStatus: 'in_progress',
    exclusions: {
      noServiceRequest: false,
      infoWithheld: false,
      scopeExceeded: false,
      feedbackOverdue: false,
      itemLapsed: false,
      legalViolation: false,
    },
  },
};

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** SaaS cases whose countdowns are the queue's longest texts (days, hours and minutes, closed … ago). */
// The last one's amount is the widest the queue's amount column is made for.
const QUEUE_CASES = [
  { paidAgo: 2 * HOUR, assignee: 'Zhang Wei', orderAmount: 1_234_567 },
  { paidAgo: 4.6 * DAY, assignee: '欧阳建国', orderAmount: 1_234_567 },
  { paidAgo: 7.3 * DAY, assignee: 'Mei Lin', orderAmount: 1_234_567 },
  { paidAgo: 300 * DAY - 5 * HOUR, assignee: null, orderAmount: 999_999_999 },
].map(({ paidAgo, assignee, orderAmount }, index) => ({
  customer: { name: 'Harbin Dumpling Co', accountId: 'acc-queue' },
  orderId: `ORD-QUEUE-${index}`,
  productName: 'SiteBuilder Pro',
  provider: 'Northwind Cloud',
  ...(assignee === null ? {} : { assignee }),
  facts: { productType: 'saas', orderAmount, currency: 'CNY', paidAt: ago(paidAgo) },
}));

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((nodes) =>
    nodes.map((node) => {
      const r = node.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

describe('the decision screen from 1024 to 2560 pixels wide', () => {
  let app: ConsoleHost;
  let host: RunningServer;
  let page: Page;
  let ref: string;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: 'layout',
      seed: async (host) => {
        const created = await callApi<CaseChange>(host, 'cases.create', SERVICE_CASE);
        ref = created.detail.summary.ref;
        for (const queued of QUEUE_CASES) await callApi(host, 'cases.create', queued);
      },
    });
    ({ host, page } = app);
  });
  afterAll(() => app?.close());

  for (const language of ['en', 'zh'] as Language[]) {
    for (const width of WIDTHS) {
      it(`${language} at ${width}: no fact label or value runs under the decision panel`, async () => {
        await callApi(host, 'settings.set', { language });
        await page.setViewportSize({ width, height: width >= 1920 ? 1080 : 768 });
        await page.goto(`${host.url}/#/case/${ref}/decide`);
        await page.reload();
        await page.locator('#question-text').waitFor();
        await page.locator('.facts dd').first().waitFor();
        // The trace lists every exclusion the rules read: the longest lines on the screen.
        await page.locator('details.why summary').click();
        // Its instants are on the screen's clock (the policy zone), not raw UTC.
        const trace = (await page.locator('details.why').textContent())!;
        expect(trace).toContain('UTC+08:00');
        expect(trace).not.toMatch(/\d\d:\d\d:\d\d(\.\d+)?Z/);
        await screenshot(page, `decide-${language}-${width}`);

        // What is known follows the question at once, not below the whole decision panel.
        const askBottom = Math.max(
          ...(await boxes(page, '.decide-ask > *')).map((box) => box.y + box.height),
        );
        const [known] = await boxes(page, '.decide-known');
        expect(known!.y).toBeLessThanOrEqual(askBottom + 48);
        const [panel] = await boxes(page, '.decide .panel');
        const facts = await boxes(page, '.decide .facts dt, .decide .facts dd, .decide .question');
        expect(facts.length).toBeGreaterThan(8);
        for (const fact of facts) expect(overlaps(fact, panel!)).toBe(false);
        // A value keeps room for a date and its zone on one line, not squeezed a word per line.
        for (const value of await boxes(page, '.decide .facts dd')) expect(value.width).toBeGreaterThan(200);
        // Nothing is pushed past the window's right edge either.
        const overflow = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          return main.scrollWidth - main.clientWidth;
        });
        expect(overflow).toBeLessThanOrEqual(0);
        if (width >= 1920) {
          // Density: the facts take a column of their own past the middle, the panel the last third.
          const factsRight = Math.max(...facts.map((box) => box.x + box.width));
          expect(factsRight).toBeGreaterThan(width * 0.5);
          expect(panel!.x + panel!.width).toBeGreaterThan(width * 0.9);
        }
      });
    }
  }

  for (const language of ['en', 'zh'] as Language[]) {
    it(`${language} at 1024: the top bar keeps every link, the palette button and the agent on one line`, async () => {
      await callApi(host, 'settings.set', { language });
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.goto(`${host.url}/#/queue`);
      await page.reload();
      await page.locator('.topbar nav a').first().waitFor();
      await screenshot(page, `topbar-${language}-1024`);
      const parts = page.locator('.topbar .brand, .topbar nav a, .topbar > button, .topbar .agent');
      expect(await parts.count()).toBeGreaterThanOrEqual(9);
      // Lines each part's text is laid out on: a link broken over two lines has two.
      const wrapped = await parts.evaluateAll((nodes) =>
        nodes
          .filter((node) => {
            const range = document.createRange();
            range.selectNodeContents(node);
            const tops = [...range.getClientRects()].map((rect) => Math.round(rect.bottom));
            return Math.max(...tops) - Math.min(...tops) > 4;
          })
          .map((node) => node.textContent),
      );
      expect(wrapped).toEqual([]);
      const right = Math.max(...(await boxes(page, '.topbar > *')).map((box) => box.x + box.width));
      expect(right).toBeLessThanOrEqual(1024);
    });
  }

  for (const language of ['en', 'zh'] as Language[]) {
    it(`${language} at 1024: the queue's deadline, assignee and amount cells read whole`, async () => {
      await callApi(host, 'settings.set', { language });
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.goto(`${host.url}/#/queue`);
      await page.reload();
      await expect.poll(() => page.locator('.queue-row .countdown').count()).toBeGreaterThanOrEqual(5);
      await screenshot(page, `queue-${language}-1024`);
      const cells = page.locator('.queue-row .countdown, .queue-row .assignee, .queue-row .queue-amount');
      const cut = await cells.evaluateAll((nodes) =>
        nodes.filter((node) => node.scrollWidth > node.clientWidth).map((node) => node.textContent),
      );
      expect(cut).toEqual([]);
    });
  }

  it('writes the hint’s time on the clock the agent chose, like the rest of the screen', async () => {
    const late = await callApi<CaseChange>(host, 'cases.create', {
      ...QUEUE_CASES[0],
      orderId: 'ORD-LATE-1',
      facts: { productType: 'saas', orderAmount: 9900, paidAt: ago(10 * DAY), requestedAt: ago(HOUR) },
    });
    const hintTime = async (zone: 'policy' | 'agent') => {
      await callApi(host, 'settings.set', { language: 'en', timeZone: zone });
      await page.goto(`${host.url}/#/case/${late.detail.summary.ref}/decide`);
      await page.reload();
      const hint = page.locator('.hints li').first();
      await hint.waitFor();
      return /^Would have been eligible for a full refund if requested by (.+) UTC([+-]\d\d:\d\d)\.$/.exec(
        (await hint.textContent())!,
      );
    };
    const instant = (match: RegExpExecArray) => Date.parse(`${match[1]!.replace(',', '')} GMT${match[2]}`);
    try {
      const policy = (await hintTime('policy'))!;
      expect(policy[2]).toBe('+08:00');
      // The browser runs in Europe/Berlin, the agent's own zone: its offset at that instant.
      const berlin = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
        .format(instant(policy))
        .replace(/^.*GMT/, '');
      const own = (await hintTime('agent'))!;
      expect(own[2]).toBe(berlin);
      expect(instant(own)).toBe(instant(policy));
    } finally {
      await callApi(host, 'settings.set', { timeZone: 'policy' });
    }
  });

  it('asks an exclusion positively and marks the answer that rules a refund out', async () => {
    await callApi(host, 'settings.set', { language: 'en' });
    const { facts } = SERVICE_CASE;
    const created = await callApi<{ detail: { summary: { ref: string } } }>(host, 'cases.create', {
      ...SERVICE_CASE,
      orderId: 'ORD-LAYOUT-2',
      facts: { ...facts, guaranteeEndsAt: new Date(Date.now() + 20 * DAY).toISOString(), exclusions: {} },
    });
    await page.goto(`${host.url}/#/case/${created.detail.summary.ref}/decide`);
    await page.reload();
    const question = page.locator('#question-text');
    await expect
      .poll(() => question.textContent())
      .toBe('Did the customer submit a service request within 3 months of paying?');
    const excluding = page.locator('label.choice', { has: page.locator('.badge') });
    await expect.poll(() => excluding.textContent()).toBe('Norules out a refund');
    await page.locator('input[type=radio][value="no"]').check();
    await page.getByRole('button', { name: 'Save answer' }).click();
    // "No" to the positive question is the exclusion: the rules refuse and the fact says why.
    await expect.poll(() => page.locator('.panel .badge').first().textContent()).toBe('Not eligible');
    const row = page.locator('.facts div', { hasText: 'No service request from the customer' });
    await expect.poll(() => row.locator('dd').textContent()).toContain('Yes rules out a refund');
  });

  it('lists what is missing in the panel, and says why the count grew when the kind is Service', async () => {
    await callApi(host, 'settings.set', { language: 'en' });
    const created = await callApi<{ detail: { summary: { ref: string } } }>(host, 'cases.create', {
      ...SERVICE_CASE,
      orderId: 'ORD-LAYOUT-3',
      facts: {},
    });
    await page.goto(`${host.url}/#/case/${created.detail.summary.ref}/decide`);
    await page.reload();
    await expect.poll(() => page.locator('#question-text').textContent()).toBe('What kind of product is it?');
    const missing = page.locator('.panel .missing li');
    await expect
      .poll(() => missing.allTextContents())
      .toEqual([
        'What kind of product is it?',
        'What was the order amount?',
        'When did the customer finish paying?',
      ]);
    await page.locator('input[type=radio][value="service"]').check();
    await page.getByRole('button', { name: 'Save answer' }).click();
    const counter = page.locator('.question > p.muted').first();
    await expect
      .poll(() => counter.textContent())
      .toMatch(/^\d+ questions left \(up from 3: a Service order is judged on more facts, listed beside\)$/);
    const left = Number(/^(\d+)/.exec((await counter.textContent())!)![1]);
    expect(left).toBeGreaterThan(3);
    expect(await missing.count()).toBe(left);
  });

  it('prints a decision without navigation and form controls', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${host.url}/#/case/${ref}/decide`);
    await page.reload();
    await page.locator('.panel').waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      for (const hidden of ['.topbar', '.statusbar', 'button', 'input', 'textarea', 'select']) {
        const shown = await page
          .locator(hidden)
          .evaluateAll((nodes) =>
            nodes.filter(
              (node) => (node as HTMLElement).offsetParent !== null || node.getClientRects().length > 0,
            ),
          );
        expect(shown.length, hidden).toBe(0);
      }
      expect(await page.locator('.panel').isVisible()).toBe(true);
      expect(await page.locator('.facts').isVisible()).toBe(true);
      await screenshot(page, 'decide-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('finds the case by a part of its Chinese name, in the queue search and the command palette', async () => {
    await page.goto(`${host.url}/#/queue`);
    await page.locator('#queue-search').fill('腾飞');
    // The three cases of this file share the customer.
    const rows = page.locator('.queue-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect((await rows.allTextContents()).every((row) => row.includes('深圳市腾飞网络科技有限公司'))).toBe(
      true,
    );
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog').getByRole('combobox').fill('腾飞');
    const option = page.getByRole('option', {
      name: new RegExp(`^Open ${ref} · 深圳市腾飞网络科技有限公司`),
    });
    await option.click();
    await expect.poll(() => page.locator('#case-title').textContent()).toContain(ref);
  });
});
