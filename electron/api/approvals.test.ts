import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinTeam, rememberTeamPolicy } from '../store';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import { createHandlers, type Handlers } from './handlers';
import { ok } from './test-support/ok';

let env: ReturnType<typeof tempStore>;
let h: Handlers;
beforeEach(() => {
  env = tempStore();
  h = createHandlers(env.store);
});
afterEach(() => env.cleanup());

const OVERRIDE = {
  outcome: 'ineligible' as const,
  justification: 'the customer used the service for a month',
};

async function waitingOverride() {
  const created = await ok('cases.create', h['cases.create'](sampleCase()));
  const { summary } = created.detail;
  return ok(
    'decisions.record',
    h['decisions.record']({
      ref: summary.ref,
      revision: summary.revision,
      seen: { outcome: 'eligible', refundAmount: 19900 },
      agent: 'mei',
      override: OVERRIDE,
    }),
  );
}

describe('the approvals API', () => {
  it('says a single desktop is in no team, with nothing to approve', async () => {
    await waitingOverride();
    expect(await ok('approvals.list', h['approvals.list']({}))).toEqual({
      team: false,
      member: null,
      thresholds: {},
      items: [],
    });
  });

  it("lists what waits with who decided, outcome, amount and reason, and takes a lead's answer", async () => {
    joinTeam(env.store, 'mei');
    rememberTeamPolicy(env.store, { member: { name: 'mei', role: 'agent' }, thresholds: { CNY: 50000 } });
    const recorded = await waitingOverride();
    // mei's login decided; the lead's login answers.
    rememberTeamPolicy(env.store, { member: { name: 'lin', role: 'lead' }, thresholds: { CNY: 50000 } });
    const list = await ok('approvals.list', h['approvals.list']({}));
    expect(list).toMatchObject({
      team: true,
      member: { name: 'lin', role: 'lead' },
      thresholds: { CNY: 50000 },
    });
    expect(list.items).toEqual([
      expect.objectContaining({
        ref: 'RC-000001',
        agent: 'mei',
        rulesOutcome: 'eligible',
        recordedOutcome: 'ineligible',
        refundAmount: 0,
        currency: 'CNY',
        overrideJustification: OVERRIDE.justification,
        approval: expect.objectContaining({ state: 'waiting', override: true }),
      }),
    ]);
    const answer = {
      ref: 'RC-000001',
      revision: recorded.detail.summary.revision,
      decisionId: list.items[0]!.decisionId,
      agent: 'lin',
    };
    const refused = await h['approvals.answer']({ ...answer, grant: false });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'reason: a refusal needs a reason' },
    });
    const granted = await ok('approvals.answer', h['approvals.answer']({ ...answer, grant: true }));
    expect(granted.detail.summary).toMatchObject({ latestOutcome: 'ineligible', waitingApproval: false });
    expect((await ok('approvals.list', h['approvals.list']({}))).items).toEqual([]);
    expect((await ok('approvals.list', h['approvals.list']({ state: 'granted' }))).items).toHaveLength(1);
    // Answered once: nothing waits any more.
    expect(
      await h['approvals.answer']({ ...answer, revision: granted.detail.summary.revision, grant: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('says in the case report, in English and Chinese, that the decision waits and then who approved it', async () => {
    joinTeam(env.store, 'mei');
    rememberTeamPolicy(env.store, { member: { name: 'mei', role: 'agent' }, thresholds: {} });
    const recorded = await waitingOverride();
    // mei's login decided; the lead's login answers.
    rememberTeamPolicy(env.store, { member: { name: 'lin', role: 'lead' }, thresholds: {} });
    const report = async (language: 'en' | 'zh') =>
      (await ok('reports.case', h['reports.case']({ ref: 'RC-000001', language }))).html;
    expect(await report('en')).toContain('Waiting for a lead’s approval: this decision does not count yet.');
    expect(await report('zh')).toContain('等待组长审批：该决定尚未生效。');
    await ok(
      'approvals.answer',
      h['approvals.answer']({
        ref: 'RC-000001',
        revision: recorded.detail.summary.revision,
        decisionId: recorded.detail.decisions[0]!.id,
        grant: true,
        agent: 'lin',
      }),
    );
    expect(await report('en')).toMatch(/Approved by lin, /);
  });

  it('refuses a reply and a close while a decision waits, with a conflict', async () => {
    joinTeam(env.store, 'mei');
    const recorded = await waitingOverride();
    const reply = await h['replies.markSent']({
      ref: 'RC-000001',
      revision: recorded.detail.summary.revision,
      language: 'en',
      body: 'Dear Li Wei',
      agent: 'mei',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const close = await h['cases.setStatus']({
      ref: 'RC-000001',
      revision: recorded.detail.summary.revision,
      status: 'closed',
      agent: 'mei',
    });
    expect(close).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/waiting for a lead/) },
    });
  });
});
