import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import { FACTS, formFacts } from '../shared/model/catalogue';
import type { CaseChange } from '../shared/model/case';
import { PRODUCT_TYPES } from '../shared/model/facts';
import { callApi, type ConsoleHost, startConsoleHost } from './harness';

/** Chosen before any fact is asked: the kind picks the questions, the currency reads the amounts. */
const CHOSEN_FIRST = new Set(['productType', 'currency']);

/**
 * Forms ask, never assume: every fact a form offers starts "not known" (a yes/no one offers
 * yes, no and not known), so a case is never saved with a fact nobody gave; the guided
 * decision asks with no answer picked.
 */
describe('forms start every fact on "not known"', () => {
  let app: ConsoleHost;
  let host: RunningServer;
  let page: Page;
  let image: string;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: 'forms-ask',
      seed: async (host) => {
        const created = await callApi<CaseChange>(host, 'cases.create', {
          customer: { name: 'Suzhou Silk Cloud', accountId: 'acc-9' },
          orderId: 'ORD-ASK-1',
          productName: 'Ubuntu image',
          provider: 'Northwind Cloud',
          facts: {
            productType: 'image',
            billingMethod: 'subscription',
            paidAt: new Date(Date.now() - 3_600_000).toISOString(),
            orderAmount: 19_900,
          },
        });
        image = created.detail.summary.ref;
      },
    });
    ({ host, page } = app);
  });
  afterAll(() => app?.close());

  it('the new-case form, for every kind: each fact empty, each yes/no on "not known" of three', async () => {
    await page.goto(`${host.url}/#/new`);
    for (const kind of PRODUCT_TYPES) {
      await page.locator('#f-productType').selectOption(kind);
      for (const fact of formFacts(kind).filter((name) => !CHOSEN_FIRST.has(name))) {
        const field = page.locator(`#f-${fact}`);
        expect(await field.inputValue(), `${kind}: ${fact}`).toBe('');
        if (FACTS[fact].input.kind === 'yesno') {
          expect(await field.locator('option').allTextContents(), `${kind}: ${fact}`).toEqual([
            'Not known yet',
            'Yes',
            'No',
          ]);
        }
      }
    }
  });

  it('the guided decision asks a yes/no question with no answer picked', async () => {
    await page.goto(`${host.url}/#/case/${image}/decide`);
    const question = page.locator('form.question');
    await question.waitFor();
    expect(await question.locator('input[type=radio]').count()).toBeGreaterThanOrEqual(2);
    expect(await question.locator('input[type=radio]:checked').count()).toBe(0);
    expect(await question.getByRole('button', { name: 'Save answer' }).isDisabled()).toBe(true);
  });
});
