import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import { PRODUCT_TYPES, type FactsInput } from '../shared/model/facts';
import {
  callApi,
  type ConsoleHost,
  recordAsSeen,
  screenshot,
  seriousViolations,
  startConsoleHost,
} from './harness';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

const NAMES = ['Harbin Dumpling Co', 'Lanzhou Noodle Works', 'Qingdao Brewing Lab', 'Xiamen Tea Exchange'];

/** A queue with every countdown tone: closed, inside 24 h, days left, none. */
function seedCase(index: number): unknown {
  const kind = PRODUCT_TYPES[index % PRODUCT_TYPES.length]!;
  const paidHoursAgo = [150, 100, 30, 2][index % 4]!;
  const facts: FactsInput = { productType: kind, orderAmount: 9900 + index * 100, paidAt: ago(paidHoursAgo) };
  return {
    customer: { name: `${NAMES[index % NAMES.length]} ${index + 1}`, accountId: `acc-${index}` },
    orderId: `ORD-${1000 + index}`,
    productName: `${kind} plan ${index + 1}`,
    provider: 'Northwind Cloud',
    assignee: 'Mei Lin',
    facts,
  };
}

describe('accessibility (axe) and layout of every screen', () => {
  let host: RunningServer;
  let app: ConsoleHost;
  let page: Page;
  let ref: string;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: 'a11y',
      // The axe script is added as a script tag, which the strict CSP forbids; only this test bypasses it.
      bypassCSP: true,
      seed: async (host) => {
        for (let i = 0; i < 40; i++) await callApi(host, 'cases.create', seedCase(i));
        await recordAsSeen(host, 'RC-000003', 'Mei Lin');
        ref = 'RC-000002';
      },
    });
    ({ host, page } = app);
  });
  afterAll(() => app?.close());

  const screens: Array<[string, (page: Page) => Promise<void>]> = [
    ['queue', async (p) => void (await p.locator('.queue-row').first().waitFor())],
    [
      'new-case-service',
      async (p) => {
        await p.goto(`${host.url}/#/new`);
        await p.locator('#f-productType').selectOption('service');
        await p.getByRole('button', { name: 'Create case' }).click();
        await p.locator('#f-customerName-error').waitFor();
      },
    ],
    [
      'case',
      async (p) => {
        await p.goto(`${host.url}/#/case/RC-000003`);
        await p.locator('.audit tbody tr').first().waitFor();
      },
    ],
    [
      'decide',
      async (p) => {
        await p.goto(`${host.url}/#/case/${ref}/decide`);
        await p.locator('#question-text').waitFor();
      },
    ],
    [
      'decide-override',
      async (p) => {
        await p.getByLabel('Override the outcome').check();
        await p.locator('#override-justification').fill('too short');
      },
    ],
    [
      'reply',
      async (p) => {
        await p.goto(`${host.url}/#/case/RC-000003/reply`);
        await p.locator('#reply-body').waitFor();
      },
    ],
    [
      'settings',
      async (p) => {
        await p.goto(`${host.url}/#/settings`);
        await p.locator('#agent-name').waitFor();
      },
    ],
    [
      'policy-changes',
      async (p) => {
        await p.goto(`${host.url}/#/policy-changes`);
        await p.getByText(/^Judged \d+ cases again/).waitFor();
      },
    ],
    [
      'palette',
      async (p) => {
        await p.keyboard.press('Control+k');
        await p.getByRole('dialog').getByRole('combobox').waitFor();
      },
    ],
  ];

  // Every screen in both themes: axe's colour-contrast check is what holds the dark palette.
  for (const theme of ['light', 'dark'] as const) {
    it(`switches to the ${theme} theme`, async () => {
      await page.keyboard.press('Escape');
      await callApi(host, 'settings.set', { theme });
      await page.goto(`${host.url}/#/queue`);
      await page.reload();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    });
    for (const [name, show] of screens) {
      it(`${name} (${theme}): no serious or critical axe violations`, async () => {
        await show(page);
        await screenshot(page, `a11y-${name}-${theme}`);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }

  it('follows the system’s dark mode when the theme is “as the system”', async () => {
    await callApi(host, 'settings.set', { theme: 'system' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  it('fills a 1920x1080 screen with the queue', async () => {
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${host.url}/#/queue`);
    await page.getByRole('button', { name: 'All cases' }).click();
    await expect.poll(() => page.locator('.queue-row').count()).toBeGreaterThan(20);
    await screenshot(page, 'queue-1920x1080');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
