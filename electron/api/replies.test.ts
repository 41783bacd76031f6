import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../../shared/policy';
import { caseDecisionOfRecord } from '../../shared/policy/recorded';
import { DEFAULT_TEMPLATES } from '../../shared/policy/replies';
import { toldDiffering } from '../../shared/policy/told';
import type { RequestOf } from '../../shared/ipc/contract';
import type { CaseDetail } from '../../shared/model/case';
import { openStore } from '../store';

type RecordOverride = NonNullable<RequestOf<'decisions.record'>['override']>;
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

const auditRows = (action: string) =>
  env.store.db
    .prepare('SELECT case_ref, actor, at, detail FROM audit WHERE action = ? ORDER BY seq')
    .all(action) as {
    case_ref: string | null;
    actor: string;
    at: number;
    detail: string;
  }[];

describe('reply templates', () => {
  it('list the console’s own wording for every outcome and language until the team edits one', async () => {
    const { items } = await ok('replyTemplates.list', h['replyTemplates.list']({}));
    expect(items).toHaveLength(8);
    expect(
      items.every((item) => !item.edited && item.body === DEFAULT_TEMPLATES[item.outcome][item.language]),
    ).toBe(true);
  });

  it('keep the team’s edit, audited with the wording before and after, and go back to the default on null', async () => {
    const body = 'Hello {{customer}}, we refund {{amount}}.';
    const saved = await ok(
      'replyTemplates.save',
      h['replyTemplates.save']({ outcome: 'eligible', language: 'en', body, agent: 'Mei Lin' }),
    );
    expect(saved).toMatchObject({
      outcome: 'eligible',
      language: 'en',
      body,
      edited: true,
      updatedBy: 'Mei Lin',
    });
    const { items } = await ok('replyTemplates.list', h['replyTemplates.list']({}));
    expect(items.find((item) => item.outcome === 'eligible' && item.language === 'en')?.body).toBe(body);
    const reset = await ok(
      'replyTemplates.save',
      h['replyTemplates.save']({ outcome: 'eligible', language: 'en', body: null, agent: 'Mei Lin' }),
    );
    expect(reset).toMatchObject({ edited: false, body: DEFAULT_TEMPLATES.eligible.en });
    expect(auditRows('template.save').map((row) => JSON.parse(row.detail))).toEqual([
      expect.objectContaining({ outcome: 'eligible', language: 'en', from: null, to: body }),
      expect.objectContaining({ from: body, to: null }),
    ]);
    expect((await ok('audit.verify', h['audit.verify']({}))).ok).toBe(true);
  });

  it('refuse a template with an unknown variable, saying which', async () => {
    expect(
      await h['replyTemplates.save']({
        outcome: 'ineligible',
        language: 'zh',
        body: '您好 {{name}}',
        agent: 'Mei Lin',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: expect.stringMatching(/^body: \{\{name\}\} is not a variable/),
      },
    });
  });
});

/** Records the rules' decision on the case as the agent saw it, with `extra` (an override). */
const recordOn = (detail: CaseDetail, extra: { override?: RecordOverride } = {}) => {
  const seen = decide(detail.facts, { now: env.clock.now() });
  return ok(
    'decisions.record',
    h['decisions.record']({
      ref: detail.summary.ref,
      revision: detail.summary.revision,
      seen: { outcome: seen.outcome, refundAmount: seen.refundAmount },
      agent: 'Mei Lin',
      ...extra,
    }),
  );
};

describe('marking a reply as sent', () => {
  it('puts the time, the agent, the outcome it answered and the text in the case’s audit trail', async () => {
    const { detail } = await ok(
      'cases.create',
      h['cases.create'](sampleCase({ facts: { productType: 'api', orderAmount: 100 } })),
    );
    const decided = await recordOn(detail, {
      override: { outcome: 'eligible', justification: 'The provider agreed to refund this order.' },
    });
    env.clock.advance(60_000);
    const sent = await ok(
      'replies.markSent',
      h['replies.markSent']({
        ref: detail.summary.ref,
        revision: decided.detail.summary.revision,
        language: 'zh',
        body: '您好，我们将退款。',
        agent: 'Mei Lin',
      }),
    );
    expect(sent.audit).toEqual([
      expect.objectContaining({
        caseRef: detail.summary.ref,
        action: 'reply.sent',
        actor: 'Mei Lin',
        at: new Date(env.clock.now()).toISOString(),
        detail: expect.objectContaining({ language: 'zh', outcome: 'eligible', body: '您好，我们将退款。' }),
      }),
    ]);
    const trail = await ok('audit.list', h['audit.list']({ ref: detail.summary.ref }));
    expect(trail.items.at(-1)?.action).toBe('reply.sent');
  });

  it('refuses a reply written on a screen the case has changed under (its facts edited since)', async () => {
    const { detail } = await ok('cases.create', h['cases.create'](sampleCase()));
    const first = await recordOn(detail);
    const seen = first.detail.summary.revision;
    await ok(
      'cases.updateFacts',
      h['cases.updateFacts']({
        ref: detail.summary.ref,
        revision: seen,
        facts: { ...detail.facts, orderAmount: 1 },
        agent: 'Ravi',
      }),
    );
    const reply = {
      ref: detail.summary.ref,
      language: 'en',
      body: 'We refund 199.00.',
      agent: 'Mei Lin',
    } as const;
    expect(await h['replies.markSent']({ ...reply, revision: seen })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/changed since it was loaded/) },
    });
    expect(auditRows('reply.sent')).toEqual([]);
  });

  it('records what the customer was told, and the case says so when a later decision differs', async () => {
    const facts = {
      ...sampleCase().facts,
      orderAmount: 300_000,
      invoiceIssued: true,
      requestedAt: '2026-03-02T10:00:00+08:00',
    };
    const { detail } = await ok('cases.create', h['cases.create'](sampleCase({ facts })));
    const ref = detail.summary.ref;
    const record = async (revision: number, caseFacts: typeof facts) => {
      const seen = decide(caseFacts, { now: env.clock.now() });
      return ok(
        'decisions.record',
        h['decisions.record']({
          ref,
          revision,
          seen: { outcome: seen.outcome, refundAmount: seen.refundAmount },
          agent: 'Mei Lin',
        }),
      );
    };
    const first = await record(detail.summary.revision, facts);
    const sent = await ok(
      'replies.markSent',
      h['replies.markSent']({
        ref,
        revision: first.detail.summary.revision,
        language: 'en',
        body: 'We will refund CNY 3,000.00.',
        agent: 'Mei Lin',
      }),
    );
    // The invoice goes back before the window closes: the reply gave that deadline.
    const deadline = decide(facts, { now: env.clock.now() }).windowClosesAt;
    expect(deadline).not.toBeNull();
    expect(sent.audit[0]?.detail).toMatchObject({
      outcome: 'eligible',
      amount: 300_000,
      currency: 'CNY',
      deadline,
    });
    const sentAt = sent.audit[0]!.at;
    let audit = (await ok('audit.list', h['audit.list']({ ref }))).items;
    expect(toldDiffering(audit, caseDecisionOfRecord(first.detail))).toBeNull();

    const lower = { ...facts, orderAmount: 200_000 };
    const edited = await ok(
      'cases.updateFacts',
      h['cases.updateFacts']({ ref, revision: sent.detail.summary.revision, facts: lower, agent: 'Mei Lin' }),
    );
    const again = await record(edited.detail.summary.revision, lower);
    audit = (await ok('audit.list', h['audit.list']({ ref }))).items;
    expect(toldDiffering(audit, caseDecisionOfRecord(again.detail))).toEqual({
      at: sentAt,
      told: { outcome: 'eligible', amount: 300_000, currency: 'CNY', deadline },
      now: { outcome: 'eligible', amount: 200_000, currency: 'CNY' },
    });
  });

  it('refuses an empty reply and an unknown case', async () => {
    expect(
      await h['replies.markSent']({
        ref: 'RC-000001',
        revision: 1,
        language: 'en',
        body: ' ',
        agent: 'Mei Lin',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(
      await h['replies.markSent']({
        ref: 'RC-000009',
        revision: 1,
        language: 'en',
        body: 'Hi',
        agent: 'Mei Lin',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('the usage export of a case', () => {
  const usage = JSON.stringify({
    packages: [
      {
        id: 'P1',
        minutes: 5000,
        purchasedAt: '2026-03-01T00:00:00+08:00',
        expiresAt: '2026-06-01T00:00:00+08:00',
      },
    ],
    usage: [
      { id: 'c1', startedAt: '2026-03-02T09:00:00+08:00', minutes: 4485, type: 'video', resolution: 720 },
    ],
  });

  it('is kept in the store with the case, audited once per change, and read back after a restart', async () => {
    const { detail } = await ok(
      'cases.create',
      h['cases.create'](
        sampleCase({ facts: { productType: 'rtc_package', consumedMinutes: 0, orderAmount: 100 } }),
      ),
    );
    const ref = detail.summary.ref;
    expect(await ok('usage.get', h['usage.get']({ ref }))).toEqual({
      text: null,
      savedAt: null,
      savedBy: null,
    });
    await ok('usage.save', h['usage.save']({ ref, text: usage, agent: 'Mei Lin' }));
    await ok('usage.save', h['usage.save']({ ref, text: usage, agent: 'Mei Lin' }));
    const audited = auditRows('usage.export');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ case_ref: ref, actor: 'Mei Lin' });
    expect(JSON.parse(audited[0]!.detail)).toMatchObject({
      packages: 1,
      calls: 1,
      packageMinutesDrawn: 4485,
    });
    env.store.close();
    const reopened = openStore({ file: env.file, now: env.clock.now, autoBackup: false });
    try {
      expect(await ok('usage.get', createHandlers(reopened)['usage.get']({ ref }))).toMatchObject({
        text: usage,
        savedBy: 'Mei Lin',
      });
    } finally {
      reopened.close();
      env.store = openStore({ file: env.file, now: env.clock.now, autoBackup: false });
    }
  });

  it('refuses text that is not a usage export, saying what is wrong', async () => {
    await ok('cases.create', h['cases.create'](sampleCase()));
    expect(
      await h['usage.save']({ ref: 'RC-000001', text: '{"packages": [', agent: 'Mei Lin' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/^text: is not a usage export: /) },
    });
  });
});
