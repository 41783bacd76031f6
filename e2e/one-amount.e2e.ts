import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import { openPrinter, type Printer } from '../electron/print';
import type { CaseChange, CaseDetail } from '../shared/model/case';
import type { Language } from '../shared/model/languages';
import { decide } from '../shared/policy';
import {
  ARTIFACTS,
  callApi,
  type ConsoleHost,
  screenshot,
  seriousViolations,
  startConsoleHost,
} from './harness';

const DAY = 86_400_000;
const WIDTHS = [1024, 1920] as const;
/** The amounts of the walk: the cash paid, the first override (told), the override of record. */
const PAID = 'CNY 990.00';
const TOLD = 'CNY 450.00';
const RECORD = 'CNY 400.00';

/** The console's words these checks look for (the Node side never imports the renderer). */
const TOLD_DIFFERS = {
  en: `The customer was told ${TOLD} (Eligible) on`,
  zh: `告知客户 ${TOLD}（可以退款）`,
} as const;
const RECORD_NOW = {
  en: `the record now says ${RECORD} (Eligible).`,
  zh: `现记录为 ${RECORD}（可以退款）。`,
} as const;
const CORRECT = { en: 'Draft the correction', zh: '起草更正回复' } as const;

/** Overrides the case to eligible with this cash amount, as the decision screen records one. */
async function override(host: RunningServer, ref: string, amount: number) {
  const detail = await callApi<CaseDetail>(host, 'cases.get', { ref });
  const { outcome, refundAmount } = decide(detail.facts, { now: Date.now() });
  return callApi<CaseChange>(host, 'decisions.record', {
    ref,
    agent: 'Mei Lin',
    revision: detail.summary.revision,
    seen: { outcome, refundAmount },
    override: { outcome: 'eligible', justification: 'Goodwill: billed twice by the provider.', amount },
  });
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/**
 * One decision of record: a refused SaaS order (CNY 990.00 paid) overridden to a refund of
 * CNY 450.00, the customer told so, then overridden again to CNY 400.00. Every surface shows
 * the record's CNY 400.00 (never the cash paid, never the rules' CNY 0.00), and the case says
 * the customer was told CNY 450.00.
 */
describe('one amount on every surface, at 1024 and 1920, in English and Chinese', () => {
  let app: ConsoleHost;
  let host: RunningServer;
  let page: Page;
  let printer: Printer;
  let ref: string;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: 'one-amount',
      // axe-core is injected as a script tag, which the console's CSP would refuse.
      bypassCSP: true,
      seed: async (host) => {
        const created = await callApi<CaseChange>(host, 'cases.create', {
          customer: { name: 'Nanjing Lantern Works', accountId: 'acc-77' },
          orderId: 'ORD-ONE-1',
          productName: 'SiteBuilder Pro',
          provider: 'Northwind Cloud',
          facts: {
            productType: 'saas',
            paidAt: new Date(Date.now() - 30 * DAY).toISOString(),
            orderAmount: 99_000,
            currency: 'CNY',
          },
        });
        ref = created.detail.summary.ref;
        const told = await override(host, ref, 45_000);
        await callApi(host, 'replies.markSent', {
          ref,
          revision: told.detail.summary.revision,
          language: 'en',
          body: 'We refund CNY 450.00.',
          agent: 'Mei Lin',
        });
        await override(host, ref, 40_000);
      },
    });
    ({ host, page } = app);
    printer = await openPrinter();
  }, 180_000);
  afterAll(async () => {
    await printer?.close();
    await app?.close();
  });

  for (const language of ['en', 'zh'] as Language[]) {
    for (const width of WIDTHS) {
      it(`${language} at ${width}: the decision screen, the case, the reply and the dashboard say ${RECORD}`, async () => {
        await callApi(host, 'settings.set', { language });
        await page.setViewportSize({ width, height: width >= 1920 ? 1080 : 768 });
        const shot = (surface: string) => screenshot(page, `one-amount-${surface}-${language}-${width}`);

        await page.goto(`${host.url}/#/case/${ref}/decide`);
        await page.reload();
        const recorded = page.locator('.panel.recorded .amount');
        await expect.poll(() => recorded.textContent()).toBe(RECORD);
        // The live panel gives the seconds that decide: when it judged and when the window closed.
        const seconds = /\d\d:\d\d:\d\d/;
        expect(await page.locator('.judged-at time').textContent()).toMatch(seconds);
        expect(await page.locator('.window-close time').last().textContent()).toMatch(seconds);
        await shot('decide');

        await page.goto(`${host.url}/#/case/${ref}`);
        await expect.poll(() => page.locator('.panel.recorded .amount').textContent()).toBe(RECORD);
        expect(await page.locator('.history .decision-facts dd').first().textContent()).toBe(RECORD);
        const notice = page.locator('.told-differs');
        expect(await notice.textContent()).toContain(TOLD_DIFFERS[language]);
        expect(await notice.textContent()).toContain(RECORD_NOW[language]);
        await shot('case');
        expect(await seriousViolations(page)).toEqual([]);

        await page.goto(`${host.url}/#/case/${ref}/reply`);
        const body = page.locator('#reply-body');
        await expect.poll(() => body.inputValue()).toContain(RECORD);
        expect(await body.inputValue()).not.toContain(PAID);
        await shot('reply');
        // The correction names what the customer was told and what the record says now.
        await page.getByRole('button', { name: CORRECT[language] }).click();
        await expect.poll(() => body.inputValue()).toContain(TOLD);
        expect(await body.inputValue()).toContain(RECORD);
        await shot('correction');
        expect(await seriousViolations(page)).toEqual([]);

        await page.goto(`${host.url}/#/dashboard`);
        const cash = page.locator('section[aria-labelledby=cash-title] tbody td').first();
        await expect.poll(() => cash.textContent(), { timeout: 15_000 }).toBe(RECORD);
        await shot('dashboard');
      });
    }

    it(`${language}: the period report and the case report, printed to PDF, say ${RECORD}`, async () => {
      const from = new Date(Date.now() - DAY).toISOString();
      const to = new Date(Date.now() + DAY).toISOString();
      const period = await callApi<{ html: string }>(host, 'reports.period', { from, to, language });
      const report = await callApi<{ html: string }>(host, 'reports.case', { ref, language });
      mkdirSync(ARTIFACTS, { recursive: true });
      for (const [name, html] of [
        ['period', period.html],
        ['case', report.html],
      ] as const) {
        const file = path.join(ARTIFACTS, `one-amount-${name}-report-${language}.pdf`);
        writeFileSync(file, await printer.pdf(html));
        const text = pdfText(file);
        expect(text, name).toContain(RECORD);
        // The case report lists the order amount among the facts; the period report never.
        if (name === 'period') expect(text).not.toContain(PAID);
      }
    });
  }
});
