import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../electron/host';
import { createCase, joinTeam, openStore, recordDecision, rememberTeamPolicy } from '../electron/store';
import type { CaseDetail, NewCase } from '../shared/model/case';
import {
  callApi,
  screenshot,
  seriousViolations,
  startConsoleHost,
  tempDir,
  type ConsoleHost,
} from './harness';

const DAY = 86_400_000;

const order = (orderId: string, customer: string, orderAmount: number): NewCase => ({
  customer: { name: customer, accountId: `acc-${orderId}` },
  orderId,
  productName: 'SiteBuilder Pro',
  provider: 'Northwind Cloud',
  facts: {
    productType: 'saas',
    paidAt: new Date(Date.now() - 2 * DAY).toISOString(),
    orderAmount,
    voucherAmount: 0,
    currency: 'CNY',
    invoiceIssued: false,
  },
});

/**
 * A lead's approvals queue in the console, on a desktop in a team (as a sync leaves it: joined,
 * signed in as lead "lin", the team's CNY threshold known): two of Mei's decisions wait, one an
 * override, one a refund above the threshold. Lin approves one and refuses the other.
 */
describe('the approvals queue', () => {
  let started: ConsoleHost;
  let host: RunningServer;
  let page: Page;
  const status = () => page.getByRole('status').textContent();
  const stored = (ref: string) => callApi<CaseDetail>(host, 'cases.get', { ref });

  beforeAll(async () => {
    const dbFile = path.join(tempDir('approvals-db'), 'cases.sqlite');
    const store = openStore({ file: dbFile, autoBackup: false });
    joinTeam(store, 'mei');
    rememberTeamPolicy(store, { member: { name: 'mei', role: 'agent' }, thresholds: { CNY: 50_000 } });
    const overridden = createCase(store, order('O-100', 'Harbin Dumpling Co', 19_900), 'mei').detail.summary;
    recordDecision(store, {
      ref: overridden.ref,
      agent: 'Mei Lin',
      override: {
        outcome: 'ineligible',
        justification: 'The customer used the site builder for the whole period and published the site.',
      },
    });
    const large = createCase(store, order('O-200', '杭州茶叶有限公司', 129_900), 'mei').detail.summary;
    recordDecision(store, { ref: large.ref, agent: 'Mei Lin' });
    // Mei's login decided both; the desktop now signs in as lead lin, who answers them.
    rememberTeamPolicy(store, { member: { name: 'lin', role: 'lead' }, thresholds: { CNY: 50_000 } });
    store.close();
    started = await startConsoleHost({
      name: 'approvals',
      dbFile,
      settings: { agentName: 'lin', language: 'en' },
      width: 1366,
      height: 768,
      bypassCSP: true,
    });
    ({ host, page } = started);
  });
  afterAll(async () => {
    await started?.close();
  });

  it('shows each waiting decision with who decided, the outcome, the amount, why and the override reason (en, zh)', async () => {
    await page.goto(`${host.url}/#/approvals`);
    const rows = page.locator('.approvals tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expect
      .poll(() => page.locator('.approvals').textContent())
      .toContain('Signed in to the team as lin (lead).');
    const first = (await rows.nth(0).innerText()).replace(/\s+/g, ' ');
    expect(first).toMatch(
      /^RC-000001 Harbin Dumpling Co Mei Lin .+ Not eligible rules: Eligible CNY 0\.00 override The customer used/,
    );
    const second = (await rows.nth(1).innerText()).replace(/\s+/g, ' ');
    expect(second).toMatch(
      /^RC-000002 杭州茶叶有限公司 Mei Lin .+ Eligible CNY 1,299\.00 refund above CNY 500\.00 —/,
    );
    expect(await page.locator('.approvals').textContent()).toContain(
      'Refunds above CNY 500.00 wait for a lead.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'approvals-en-1366');

    await callApi(host, 'settings.set', { language: 'zh' });
    await page.reload();
    await expect.poll(() => page.locator('#approvals-title').textContent()).toBe('审批');
    expect(await page.locator('.approvals').textContent()).toContain('以 lin（组长）身份登录团队。');
    expect((await rows.nth(0).innerText()).replace(/\s+/g, ' ')).toContain('改判');
    const overflow = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      return main.scrollWidth - main.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'approvals-zh-1366');
    await callApi(host, 'settings.set', { language: 'en' });
    await page.reload();
  });

  it('shows the waiting state on the case, its history, the queue and the reply', async () => {
    await page.goto(`${host.url}/#/case/RC-000001`);
    await expect
      .poll(() => page.locator('#approval-notice').textContent())
      .toContain('Decision #1 (Not eligible, by Mei Lin) is waiting for a lead’s approval.');
    expect(await page.locator('.case-head').textContent()).toContain('Not decided');
    expect(await page.locator('.decision-record').textContent()).toContain(
      'Waiting for a lead’s approval: does not count yet.',
    );
    expect(await page.getByRole('button', { name: 'Close as resolved' }).isDisabled()).toBe(true);
    await screenshot(page, 'approvals-case-waiting-en-1366');
    await page.goto(`${host.url}/#/case/RC-000001/decide`);
    await expect
      .poll(() => page.locator('#approval-notice').textContent())
      .toContain('is waiting for a lead’s approval');
    await page.goto(`${host.url}/#/case/RC-000001/reply`);
    await expect.poll(() => page.locator('.reply').textContent()).toContain('No reply can be written');
    expect(await page.locator('#reply-body').count()).toBe(0);
    await page.goto(`${host.url}/#/queue`);
    await expect.poll(() => page.locator('#row-RC-000001').textContent()).toContain('For approval');
    // The badge stays inside its column: it ends before the window's countdown starts.
    const badge = await page.locator('#row-RC-000001 .outcome-waiting').boundingBox();
    const countdown = await page.locator('#row-RC-000001 .countdown').boundingBox();
    expect(badge!.x + badge!.width).toBeLessThan(countdown!.x);
    await screenshot(page, 'approvals-queue-en-1366');
  });

  it('approves one and refuses the other with a reason; the case counts, or is to be decided again', async () => {
    await page.goto(`${host.url}/#/approvals`);
    const override = page.locator('#approval-RC-000001');
    await override.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(status).toBe('Approved RC-000001: the decision counts now.');
    await expect.poll(() => page.locator('.approvals tbody tr').count()).toBe(1);
    expect((await stored('RC-000001')).summary).toMatchObject({
      latestOutcome: 'ineligible',
      status: 'decided',
    });

    const large = page.locator('#approval-RC-000002');
    const refuse = large.getByRole('button', { name: 'Refuse' });
    expect(await refuse.isDisabled()).toBe(true);
    await large
      .getByLabel('Reason for refusing RC-000002')
      .fill('Ask for the invoice back before refunding this much.');
    await refuse.click();
    await expect.poll(status).toBe('Refused RC-000002: the case is to be decided again.');
    await expect
      .poll(() => page.locator('.approvals').textContent())
      .toContain('Nothing waits for approval.');
    const refused = await stored('RC-000002');
    expect(refused.summary).toMatchObject({ latestOutcome: null, status: 'open', waitingApproval: false });
    expect(refused.decisions[0]!.approval).toMatchObject({
      state: 'refused',
      answers: [{ lead: 'lin', reason: 'Ask for the invoice back before refunding this much.' }],
    });

    await page.getByRole('tab', { name: 'Answered' }).click();
    await expect.poll(() => page.locator('.approvals tbody tr').count()).toBe(2);
    await screenshot(page, 'approvals-answered-en-1366');

    await page.goto(`${host.url}/#/case/RC-000002`);
    await expect
      .poll(() => page.locator('#approval-notice').textContent())
      .toBe(
        'A lead (lin) refused decision #1; decide the case again. Their reason: “Ask for the invoice back before refunding this much.”',
      );
    await screenshot(page, 'approvals-case-refused-en-1366');
    expect(await callApi(host, 'audit.verify', {})).toMatchObject({ ok: true, problems: [] });
  });
});

describe('the approvals screen outside a team', () => {
  it('opens from the command palette and says decisions count at once', async () => {
    const { page, close } = await startConsoleHost({ name: 'approvals-solo' });
    try {
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog').getByRole('combobox').fill('approvals');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.approvals').textContent())
        .toContain('This console is not in a team: its decisions count at once');
    } finally {
      await close();
    }
  });
});
