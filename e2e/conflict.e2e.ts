import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import type { CaseChange, CaseDetail } from '../shared/model/case';
import { RULE_BOOK } from '../shared/policy/versions';
import { callApi, type ConsoleHost, localInput, startConsoleHost } from './harness';

// As the console shows them: the newest revision's texts, its windows filled in.
const FACT_QUESTIONS = RULE_BOOK.newest().wording.questions;

const DAY = 86_400_000;

/**
 * Another writer (the CLI, or a second console on the same store) changes the case while the
 * agent has it open: the agent's write is refused, the case reloads, and the status line says
 * who changed what.
 */
describe('a case changed elsewhere while the agent has it open', () => {
  let host: RunningServer;
  let app: ConsoleHost;
  let page: Page;
  const status = () => page.getByRole('status').textContent();
  const stored = () => callApi<CaseDetail>(host, 'cases.get', { ref: 'RC-000001' });

  beforeAll(async () => {
    app = await startConsoleHost({
      name: 'conflict',
      seed: async (host) => {
        await callApi<CaseChange>(host, 'cases.create', {
          customer: { name: 'Harbin Dumpling Co', accountId: 'acc-1' },
          orderId: 'O-1',
          productName: 'SiteBuilder',
          provider: 'Northwind Cloud',
          facts: { productType: 'saas', orderAmount: 19900, currency: 'CNY', invoiceIssued: false },
        });
      },
    });
    ({ host, page } = app);
    await page.goto(`${host.url}/#/case/RC-000001/decide`);
    await page.locator('#question-text', { hasText: FACT_QUESTIONS.paidAt.en.question }).waitFor();
  });
  afterAll(() => app?.close());

  it('refuses the answer, reloads the case and says who changed which facts', async () => {
    const before = await stored();
    await callApi(host, 'cases.updateFacts', {
      ref: 'RC-000001',
      revision: before.summary.revision,
      facts: { ...before.facts, invoiceIssued: true },
      agent: 'Zhang Wei',
    });
    await page.locator('#answer').fill(localInput(Date.now() - 2 * DAY));
    await page.getByRole('button', { name: 'Save answer' }).click();
    await expect
      .poll(status)
      .toMatch(
        /^RC-000001 was changed by Zhang Wei at .+: facts invoiceIssued — reloaded; check and try again\.$/,
      );
    expect((await stored()).facts).toEqual({ ...before.facts, invoiceIssued: true });

    // On the reloaded case the same answer goes through.
    await page.locator('#answer').fill(localInput(Date.now() - 2 * DAY));
    await page.getByRole('button', { name: 'Save answer' }).click();
    await page.locator('.done').waitFor();
    expect((await stored()).facts).toMatchObject({ invoiceIssued: true, paidAt: expect.any(String) });
  });

  it('refuses to record a decision made before another agent’s note, then records it once reloaded', async () => {
    await callApi(host, 'notes.add', { ref: 'RC-000001', author: 'Zhang Wei', body: 'customer called' });
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(status).toMatch(/^RC-000001 was changed by Zhang Wei at .+: a note — reloaded/);
    expect((await stored()).decisions).toEqual([]);

    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.locator('#case-title').waitFor();
    expect((await stored()).decisions.map((d) => [d.agent, d.recordedOutcome])).toEqual([
      ['Mei Lin', 'eligible'],
    ]);
  });
});
