import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/model/case';
import { decide } from '../../shared/policy';
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

const current = async (ref = 'RC-000001') => ok('cases.get', h['cases.get']({ ref }));
const revisionOf = async (ref = 'RC-000001') => (await current(ref)).summary.revision;
const actions = async (ref = 'RC-000001') =>
  (await ok('audit.list', h['audit.list']({ ref }))).items.map((item) => item.action);

function panel(detail: CaseDetail) {
  const { outcome, refundAmount } = decide(detail.facts, { now: env.clock.now() });
  return { revision: detail.summary.revision, seen: { outcome, refundAmount } };
}

/** Cases paid a day apart, so their windows close in ref order reversed by `paidDays`. */
async function createCases(paidDays: number[]) {
  for (const [index, day] of paidDays.entries()) {
    const paidAt = new Date(Date.parse('2026-02-25T02:00:00Z') + day * 86_400_000).toISOString();
    await ok(
      'cases.create',
      h['cases.create'](sampleCase({ orderId: `O-${index}`, facts: { ...sampleCase().facts, paidAt } })),
    );
  }
}

describe('assignment', () => {
  it('assigns and reassigns through the revision, with both names in the audit trail', async () => {
    await createCases([0]);
    const assigned = await ok(
      'cases.assign',
      h['cases.assign']({ ref: 'RC-000001', revision: 1, assignee: 'Mei Lin', agent: 'lead' }),
    );
    expect(assigned.detail.summary).toMatchObject({ assignee: 'Mei Lin', revision: 2 });
    expect(assigned.audit[0]).toMatchObject({ action: 'case.assign', detail: { from: null, to: 'Mei Lin' } });
    const stale = await h['cases.assign']({ ref: 'RC-000001', revision: 1, assignee: 'Bo', agent: 'lead' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const reassigned = await ok(
      'cases.assign',
      h['cases.assign']({ ref: 'RC-000001', revision: 2, assignee: 'Bo', agent: 'lead' }),
    );
    expect(reassigned.audit[0]!.detail).toMatchObject({ from: 'Mei Lin', to: 'Bo' });
    const mine = await ok('cases.list', h['cases.list']({ assignee: 'Bo' }));
    expect(mine).toMatchObject({ total: 1, items: [{ ref: 'RC-000001', assignee: 'Bo' }] });
  });

  it('claims the open unassigned case closing first, and two claims at once never share one', async () => {
    await createCases([3, 1, 0, 2]);
    await ok('cases.assign', h['cases.assign']({ ref: 'RC-000003', revision: 1, assignee: 'x', agent: 'x' }));
    const claims = await Promise.all(
      ['ann', 'bob', 'cy'].map((agent) => ok('cases.claimNext', h['cases.claimNext']({ agent }))),
    );
    const refs = claims.map((claim) => claim?.detail.summary.ref);
    // RC-000003 closes first but is taken; then 2 (day 1), 4 (day 2), 1 (day 3).
    expect(refs).toEqual(['RC-000002', 'RC-000004', 'RC-000001']);
    expect(claims.map((claim) => claim?.detail.summary.assignee)).toEqual(['ann', 'bob', 'cy']);
    expect(await ok('cases.claimNext', h['cases.claimNext']({ agent: 'dee' }))).toBeNull();
    expect(await actions('RC-000002')).toEqual(['case.create', 'case.assign']);
  });
});

describe('closing and reopening', () => {
  it('closes a decided case and reopens it only with a reason, kept in the audit trail', async () => {
    await createCases([0]);
    await ok(
      'decisions.record',
      h['decisions.record']({ ref: 'RC-000001', agent: 'ann', ...panel(await current()) }),
    );
    const closed = await ok(
      'cases.setStatus',
      h['cases.setStatus']({
        ref: 'RC-000001',
        revision: await revisionOf(),
        status: 'closed',
        agent: 'ann',
      }),
    );
    expect(closed.detail.summary.status).toBe('closed');
    const reopen = (reason?: string) =>
      h['cases.setStatus']({
        ref: 'RC-000001',
        revision: closed.detail.summary.revision,
        status: 'open',
        agent: 'ann',
        ...(reason === undefined ? {} : { reason }),
      });
    expect(await reopen()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const reopened = await ok('cases.setStatus', reopen('customer sent a second invoice'));
    expect(reopened.detail.summary).toMatchObject({
      status: 'open',
      revision: closed.detail.summary.revision + 1,
    });
    expect(reopened.audit[0]!.detail).toMatchObject({
      from: 'closed',
      to: 'open',
      reason: 'customer sent a second invoice',
    });
  });
});

describe('editing', () => {
  it('changes case fields with each old value in the audit trail, and search finds the new name', async () => {
    await createCases([0]);
    const edited = await ok(
      'cases.updateFields',
      h['cases.updateFields']({
        ref: 'RC-000001',
        revision: 1,
        agent: 'Mei Lin',
        fields: { customerName: 'Wang Fang', provider: 'Acme Cloud', contact: '' },
      }),
    );
    expect(edited.detail.customer).toEqual({ name: 'Wang Fang', accountId: 'acc-1001' });
    expect(edited.audit[0]).toMatchObject({
      action: 'case.fields',
      detail: {
        changes: [
          { field: 'customerName', from: 'Li Wei', to: 'Wang Fang' },
          { field: 'contact', from: 'li.wei@example.com', to: null },
        ],
      },
    });
    const found = await ok('cases.search', h['cases.search']({ query: 'Wang' }));
    expect(found.items.map((item) => item.ref)).toEqual(['RC-000001']);
    expect(
      await h['cases.updateFields']({ ref: 'RC-000001', revision: 2, agent: 'x', fields: {} }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('audits each changed fact with its old and new value', async () => {
    await createCases([0]);
    const facts = { ...(await current()).facts, paidAt: '2026-02-28T10:00:00+08:00', voucherAmount: 500 };
    const updated = await ok(
      'cases.updateFacts',
      h['cases.updateFacts']({ ref: 'RC-000001', revision: 1, facts, agent: 'Mei Lin' }),
    );
    expect(updated.audit[0]!.detail.changes).toEqual([
      { fact: 'paidAt', from: '2026-02-25T02:00:00.000Z', to: '2026-02-28T10:00:00+08:00' },
      { fact: 'voucherAmount', from: 0, to: 500 },
    ]);
  });
});

describe('related cases', () => {
  it("lists the account's other cases and the cases of an order", async () => {
    await createCases([0, 1]);
    await ok(
      'cases.create',
      h['cases.create'](sampleCase({ orderId: 'O-0', customer: { name: 'Other', accountId: 'acc-2' } })),
    );
    const history = await ok('cases.accountHistory', h['cases.accountHistory']({ ref: 'RC-000001' }));
    expect(history.items.map((item) => item.ref)).toEqual(['RC-000002']);
    const order = await ok('cases.byOrder', h['cases.byOrder']({ orderId: 'O-0' }));
    expect(order.items.map((item) => item.ref)).toEqual(['RC-000001', 'RC-000003']);
  });

  it('refuses a second refund of an order unless a reason is given', async () => {
    await ok('cases.create', h['cases.create'](sampleCase({ orderId: 'O-0' })));
    await ok('cases.create', h['cases.create'](sampleCase({ orderId: 'O-0' })));
    const first = await ok(
      'decisions.record',
      h['decisions.record']({ ref: 'RC-000001', agent: 'ann', ...panel(await current()) }),
    );
    expect(first.detail.summary.latestOutcome).toBe('eligible');
    const second = await current('RC-000002');
    const refused = await h['decisions.record']({ ref: 'RC-000002', agent: 'bob', ...panel(second) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.ok ? '' : refused.error.message).toContain('RC-000001');
    expect((await current('RC-000002')).decisions).toEqual([]);
    const recorded = await ok(
      'decisions.record',
      h['decisions.record']({
        ref: 'RC-000002',
        agent: 'bob',
        ...panel(second),
        duplicateRefund: { justification: 'a second, separate payment of the order' },
      }),
    );
    expect(recorded.audit[0]!.detail.duplicateRefund).toEqual({
      justification: 'a second, separate payment of the order',
    });
  });
});

describe('queue', () => {
  it('filters by provider and by a window still to close, and shows amounts', async () => {
    await createCases([0, 5]);
    await ok('cases.create', h['cases.create'](sampleCase({ orderId: 'O-9', provider: 'Other Cloud' })));
    const byProvider = await ok('cases.list', h['cases.list']({ provider: 'Other Cloud' }));
    expect(byProvider).toMatchObject({ total: 1, items: [{ ref: 'RC-000003', provider: 'Other Cloud' }] });
    expect(byProvider.items[0]).toMatchObject({ orderAmount: 19900, currency: 'CNY' });
    // Windows close five days after payment: case 1 at 03-02 02:00Z, case 3 at 03-06, case 2 at 03-07.
    const closing = await ok(
      'cases.list',
      h['cases.list']({ closesAfter: '2026-03-02T03:00:00Z', closesBefore: '2026-03-07T00:00:00Z' }),
    );
    expect(closing.items.map((item) => item.ref)).toEqual(['RC-000003']);
    expect(closing.total).toBe(1);
  });

  it('saves named views and answers each with its count', async () => {
    await createCases([0, 1]);
    await ok(
      'cases.assign',
      h['cases.assign']({ ref: 'RC-000001', revision: 1, assignee: 'ann', agent: 'ann' }),
    );
    const saved = await ok(
      'views.save',
      h['views.save']({ name: "Ann's open", query: { assignee: 'ann', status: ['open'] }, agent: 'ann' }),
    );
    expect(saved.items).toEqual([
      { name: "Ann's open", query: { assignee: 'ann', status: ['open'], sort: 'deadline' }, count: 1 },
    ]);
    await ok(
      'cases.assign',
      h['cases.assign']({ ref: 'RC-000002', revision: 1, assignee: 'ann', agent: 'ann' }),
    );
    expect((await ok('views.list', h['views.list']({}))).items[0]!.count).toBe(2);
    expect((await ok('views.delete', h['views.delete']({ name: "Ann's open", agent: 'ann' }))).items).toEqual(
      [],
    );
    expect(await h['views.delete']({ name: 'nope', agent: 'ann' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
