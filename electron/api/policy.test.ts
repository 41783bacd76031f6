import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, type ResponseOf } from '../../shared/ipc/contract';
import { listedCases, mergeReplayPages } from '../../shared/ipc/replay-pages';
import { RULE_BOOK } from '../../shared/policy';
import { createCase, recordDecision, updateFacts } from '../store';
import { recordAsFirstReading } from '../store/test-support/first-reading';
import { sampleCase, START, tempStore } from '../store/test-support/temp-store';
import { createHandlers, type Handlers } from './handlers';

// A lapsed service item six weeks after payment: refunded in full under v1, refused under v1.1.
const lapsed = {
  productType: 'service',
  serviceStatus: 'in_progress',
  paidAt: '2026-03-01T10:00:00+08:00',
  requestedAt: '2026-04-12T10:00:00+08:00',
  guaranteeEndsAt: '2026-12-31T00:00:00+08:00',
  orderAmount: 50000,
  exclusions: { scopeExceeded: false, itemLapsed: true, legalViolation: false },
} as const;
// Asked for six days after payment: past the book's 5-day SaaS window, inside a 7-day draft's.
const saas = {
  productType: 'saas',
  paidAt: '2026-03-01T10:00:00+08:00',
  requestedAt: '2026-03-07T10:00:00+08:00',
  orderAmount: 19900,
} as const;
const DAY = 86_400_000;

let env: ReturnType<typeof tempStore>;
let h: Handlers;
beforeEach(() => {
  env = tempStore();
  h = createHandlers(env.store);
});
afterEach(() => env.cleanup());

const open = (facts: object) =>
  createCase(env.store, sampleCase({ facts: facts as never }), 'ann').detail.summary.ref;
const setStatus = (ref: string, status: string, updatedAt: number) =>
  env.store
    .sql('UPDATE cases SET status = ?, updated_at = ? WHERE id = ?')
    .run(status, updatedAt, Number(ref.slice(3)));

async function replay(payload: object): Promise<ResponseOf<'policy.replay'>> {
  const result = await h['policy.replay'](payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return api['policy.replay'].response.parse(result.value);
}

describe('policy.replay', () => {
  it('groups the cases the newest revision changes, with before and after, and writes nothing', async () => {
    const first = open(lapsed);
    const second = open(lapsed);
    for (const ref of [first, second]) recordAsFirstReading(env.store, ref, lapsed, START);
    setStatus(second, 'decided', START);
    open(saas); // undecided and judged alike by every revision: no change
    const decisionsBefore = env.store.sql('SELECT count(*) AS n FROM decisions').get();

    const answer = await replay({});
    expect(answer.policy).toEqual({ version: 'v1', revision: 'v1.1', draft: false });
    expect(answer).toMatchObject({ judged: 3, changed: 2, invalid: [], truncated: false });
    expect(answer.groups).toHaveLength(1);
    expect(answer.groups[0]).toMatchObject({
      from: 'eligible',
      to: 'ineligible',
      amountChanged: true,
      clausesAdded: ['exclusion.item-lapsed', 'refund.contact-provider'],
      cause: 'revision',
      total: 2,
    });
    expect(answer.groups[0]!.cases.map((c) => [c.ref, c.status])).toEqual([
      [first, 'open'],
      [second, 'decided'],
    ]);
    expect(answer.groups[0]!.cases[0]).toMatchObject({
      before: { outcome: 'eligible', refundAmount: 50000, policyRevision: 'v1' },
      after: { outcome: 'ineligible', refundAmount: 0, policyRevision: 'v1.1' },
    });
    expect(env.store.sql('SELECT count(*) AS n FROM decisions').get()).toEqual(decisionsBefore);
  });

  it('groups a case whose facts changed since its decision apart, as the facts’ change', async () => {
    const facts = { ...saas, requestedAt: '2026-03-02T10:00:00+08:00', orderAmount: 300_000 };
    const ref = open(facts);
    recordDecision(env.store, { ref, agent: 'ann' });
    updateFacts(env.store, ref, { ...sampleCase().facts, ...facts, orderAmount: 200_000 }, 'ann');
    const answer = await replay({ revision: 'v1.1' });
    expect(answer.groups).toEqual([
      expect.objectContaining({ from: 'eligible', to: 'eligible', amountChanged: true, cause: 'facts' }),
    ]);
  });

  it('leaves out decided cases older than `since` (30 days by default) but keeps open ones', async () => {
    const stale = open(lapsed);
    const openOld = open(lapsed);
    for (const ref of [stale, openOld]) recordAsFirstReading(env.store, ref, lapsed, START);
    setStatus(stale, 'decided', START - 31 * DAY);
    setStatus(openOld, 'open', START - 31 * DAY);
    const refs = (answer: ResponseOf<'policy.replay'>) =>
      answer.groups.flatMap((g) => g.cases.map((c) => c.ref));
    expect(refs(await replay({}))).toEqual([openOld]);
    expect(refs(await replay({ since: new Date(START - 40 * DAY).toISOString() }))).toEqual([stale, openOld]);
  });

  it('replays a what-if draft without putting it in force', async () => {
    const ref = open(saas);
    const v1_1 = RULE_BOOK.revision('v1.1').data;
    const draft = { ...v1_1, revision: 'draft-saas-7d', windows: { ...v1_1.windows, saasGuaranteeDays: 7 } };
    const answer = await replay({ draft });
    expect(answer.policy).toEqual({ version: 'v1', revision: 'draft-saas-7d', draft: true });
    expect(answer.groups).toEqual([
      expect.objectContaining({ from: 'ineligible', to: 'eligible', total: 1, cases: [expect.anything()] }),
    ]);
    expect(answer.groups[0]!.cases[0]).toMatchObject({ ref, after: { policyRevision: 'draft-saas-7d' } });
    // The book in force still refuses it.
    expect((await replay({})).changed).toBe(0);
  });

  it('bounds the lists by the limit but counts every change', async () => {
    for (let i = 0; i < 3; i++) recordAsFirstReading(env.store, open(lapsed), lapsed, START);
    const answer = await replay({ limit: 2 });
    expect(answer).toMatchObject({ changed: 3, truncated: true });
    expect(answer.groups[0]).toMatchObject({ total: 3 });
    expect(answer.groups[0]!.cases).toHaveLength(2);
  });

  it('refuses an unknown revision, a broken draft, and both at once, with the field named', async () => {
    const v1_1 = RULE_BOOK.revision('v1.1').data;
    const refused = async (payload: object) => {
      const result = await h['policy.replay'](payload);
      return result.ok ? null : result.error;
    };
    expect(await refused({ revision: 'v9' })).toEqual({
      code: 'invalid_request',
      message: 'revision: "v9" is not a revision of the rule book (v1, v1.1)',
    });
    const broken = { ...v1_1, windows: { ...v1_1.windows, saasGuaranteeDays: -3 } };
    expect(await refused({ draft: broken })).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('draft.windows.saasGuaranteeDays'),
    });
    expect(await refused({ revision: 'v1', draft: v1_1 })).toMatchObject({ code: 'invalid_request' });
  });

  it('judges in pages whose merge is exactly the one-call answer, whatever the page size', async () => {
    const v1_1 = RULE_BOOK.revision('v1.1').data;
    const draft = { ...v1_1, revision: 'draft-saas-7d', windows: { ...v1_1.windows, saasGuaranteeDays: 7 } };
    for (let i = 0; i < 9; i++) {
      const facts = i % 3 === 0 ? saas : lapsed;
      const ref = open(facts);
      if (i % 3 === 1) recordAsFirstReading(env.store, ref, lapsed, START);
    }
    // Invalid under today's checks: a currency no longer accepted, written past the schema.
    const invalidRef = open(saas);
    env.store
      .sql('UPDATE cases SET facts = json_set(facts, ?, ?) WHERE id = ?')
      .run('$.currency', 'RMB', Number(invalidRef.slice(3)));
    for (const payload of [{}, { draft }, { revision: 'v1' }]) {
      for (const limit of [200, 4]) {
        const whole = await replay({ ...payload, limit, pageSize: 50_000 });
        expect(whole).toMatchObject({ judged: 10, next: null, progress: 1 });
        expect(whole.changed + whole.invalid.length).toBeGreaterThan(1);
        if (limit === 4) expect(whole.truncated).toBe(whole.changed + 1 > 4);
        for (const pageSize of [1, 2, 3, 7]) {
          expect(await replayAll({ ...payload, limit }, pageSize)).toEqual(whole);
        }
      }
    }
  });

  it('reports its progress page by page and judges only the cases there were when it began', async () => {
    for (let i = 0; i < 4; i++) recordAsFirstReading(env.store, open(lapsed), lapsed, START);
    const first = await replay({ pageSize: 2 });
    expect(first).toMatchObject({ judged: 2, changed: 2, progress: 0.5 });
    expect(first.next).toEqual(expect.any(String));
    recordAsFirstReading(env.store, open(lapsed), lapsed, START); // arrives mid-replay
    const second = await replay({ pageSize: 2, page: first.next });
    expect(second).toMatchObject({ judged: 2, changed: 2, next: null, progress: 1 });
    const refused = await h['policy.replay']({ page: 'not-a-token' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

/** Every page of a replay, merged as the screen merges them, each asking for what is left of the limit. */
async function replayAll(payload: { limit: number }, pageSize: number) {
  let sofar: ResponseOf<'policy.replay'> | null = null;
  let page: string | undefined;
  do {
    const limit = payload.limit - (sofar === null ? 0 : listedCases(sofar));
    const answer: ResponseOf<'policy.replay'> = await replay({ ...payload, limit, pageSize, page });
    sofar = mergeReplayPages(sofar, answer);
    page = answer.next ?? undefined;
  } while (page !== undefined);
  return sofar;
}
