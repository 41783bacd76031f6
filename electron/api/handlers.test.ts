import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/model/case';
import { decide } from '../../shared/policy';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import { createHandlers, dispatch, type Handlers } from './handlers';
import { ok } from './test-support/ok';
import { DEFAULT_SERVICE_TARGETS } from '../../shared/model/service-targets';

let env: ReturnType<typeof tempStore>;
let h: Handlers;
beforeEach(() => {
  env = tempStore();
  h = createHandlers(env.store);
});
afterEach(() => env.cleanup());

/** The value of a successful call, checked against the contract's response schema. */
const DAY = 86_400_000;

/** What the live panel shows for a case at the store's clock: decide() on its facts. */
function panel(detail: CaseDetail) {
  const { outcome, refundAmount } = decide(detail.facts, { now: env.clock.now() });
  return { revision: detail.summary.revision, seen: { outcome, refundAmount } };
}
const current = async (ref = 'RC-000001') => ok('cases.get', h['cases.get']({ ref }));

describe('cases', () => {
  it('creates a case with a readable ref, the rules’ deadline and an audit row', async () => {
    const created = await ok('cases.create', h['cases.create'](sampleCase()));
    expect(created.detail.summary).toMatchObject({
      ref: 'RC-000001',
      status: 'open',
      latestOutcome: null,
      windowClosesAt: '2026-03-06T02:00:00.000Z',
      revision: 1,
    });
    expect(created.detail.customer.contact).toBe('li.wei@example.com');
    const audit = await ok('audit.list', h['audit.list']({ ref: 'RC-000001' }));
    expect(audit.items.map((item) => item.action)).toEqual(['case.create']);
    expect(created.audit).toEqual(audit.items);
  });

  it('answers every change with the case as it now stands and the audit rows it appended', async () => {
    const created = await ok('cases.create', h['cases.create'](sampleCase()));
    const facts = { ...created.detail.facts, invoiceIssued: true };
    const changes = [
      created,
      await ok(
        'cases.updateFacts',
        h['cases.updateFacts']({ ref: 'RC-000001', revision: 1, facts, agent: 'ann' }),
      ),
      await ok(
        'cases.setStatus',
        h['cases.setStatus']({ ref: 'RC-000001', revision: 2, status: 'pending_customer', agent: 'ann' }),
      ),
      await ok('notes.add', h['notes.add']({ ref: 'RC-000001', author: 'ann', body: 'called back' })),
    ];
    changes.push(
      await ok(
        'decisions.record',
        h['decisions.record']({ ref: 'RC-000001', agent: 'ann', ...panel(changes[3]!.detail) }),
      ),
    );
    expect(changes.map((change) => change.detail.summary.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(changes.map((change) => change.audit.map((row) => row.action))).toEqual([
      ['case.create'],
      ['case.facts'],
      ['case.status'],
      ['note.add'],
      ['decision.record'],
    ]);
    const trail = await ok('audit.list', h['audit.list']({ ref: 'RC-000001' }));
    expect(changes.flatMap((change) => change.audit)).toEqual(trail.items);
    expect(changes.at(-1)!.detail).toEqual(await current());
  });

  it('rejects bad payloads with the field path, and unknown refs and methods', async () => {
    expect(await h['cases.create']({ ...sampleCase(), orderId: '' })).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'orderId: must not be empty' },
    });
    const badFacts = await h['cases.create'](sampleCase({ facts: { orderAmount: 1.5 } }));
    expect(badFacts).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!badFacts.ok && badFacts.error.message).toMatch(/^facts\.orderAmount: /);
    const inconsistent = await h['cases.create'](
      sampleCase({
        facts: { productType: 'saas', paidAt: '2026-03-01T10:00:00Z', requestedAt: '2026-02-01T00:00:00Z' },
      }),
    );
    expect(inconsistent).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await h['cases.get']({ ref: 'RC-000404' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch(h, 'cases.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await ok('cases.list', h['cases.list']({}))).toMatchObject({ total: 0 });
  });

  it('updates facts and re-derives the deadline of an undecided case', async () => {
    await h['cases.create'](sampleCase());
    const updated = await ok(
      'cases.updateFacts',
      h['cases.updateFacts']({
        ref: 'RC-000001',
        revision: 1,
        agent: 'ann',
        facts: { productType: 'rtc_package', paidAt: '2026-03-01T10:00:00+08:00' },
      }),
    );
    expect(updated.detail.summary.productType).toBe('rtc_package');
    expect(updated.detail.summary.windowClosesAt).toBe('2026-03-08T02:00:00.000Z');
  });

  it('sets statuses, refusing "decided" before any decision', async () => {
    await h['cases.create'](sampleCase());
    const setStatus = (status: 'decided' | 'pending_customer') =>
      h['cases.setStatus']({ ref: 'RC-000001', revision: 1, status, agent: 'ann' });
    expect(await setStatus('decided')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const pending = await ok('cases.setStatus', setStatus('pending_customer'));
    expect(pending.detail.summary.status).toBe('pending_customer');
  });
});

describe('decisions', () => {
  it('decides from the stored facts at the store’s clock and updates the queue columns', async () => {
    await h['cases.create'](sampleCase());
    const recorded = await ok(
      'decisions.record',
      h['decisions.record']({ ref: 'RC-000001', agent: 'ann', note: 'ok', ...panel(await current()) }),
    );
    const record = recorded.detail.decisions.at(-1)!;
    expect(record).toMatchObject({ recordedOutcome: 'eligible', override: null, agent: 'ann', note: 'ok' });
    expect(record.decision).toMatchObject({
      outcome: 'eligible',
      refundAmount: 19900,
      requestedAtAssumed: true,
    });
    expect(record.decision.requestedAt).toBe('2026-03-02T02:00:00.000Z');

    env.clock.advance(10 * DAY);
    const late = await ok(
      'decisions.record',
      h['decisions.record']({ ref: 'RC-000001', agent: 'bob', ...panel(await current()) }),
    );
    expect(late.detail.decisions.at(-1)!.recordedOutcome).toBe('ineligible');
    const detail = await ok('cases.get', h['cases.get']({ ref: 'RC-000001' }));
    expect(detail.decisions.map((d) => d.id)).toEqual([1, 2]);
    expect(detail.summary).toMatchObject({ status: 'decided', latestOutcome: 'ineligible' });
  });

  it('records an override with its justification beside the rules’ own outcome', async () => {
    await h['cases.create'](sampleCase());
    const justification = 'customer has abused the guarantee three times this year';
    const seen = panel(await current());
    const recorded = await ok(
      'decisions.record',
      h['decisions.record']({
        ref: 'RC-000001',
        agent: 'ann',
        override: { outcome: 'ineligible', justification },
        ...seen,
      }),
    );
    const record = recorded.detail.decisions.at(-1)!;
    expect(record).toMatchObject({ recordedOutcome: 'ineligible', override: { justification } });
    expect(record.decision.outcome).toBe('eligible');
    const short = await h['decisions.record']({
      ref: 'RC-000001',
      agent: 'ann',
      ...seen,
      override: { outcome: 'ineligible', justification: 'no' },
    });
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!short.ok && short.error.message).toMatch(/^override\.justification: /);
  });

  it('refuses to change or delete a stored decision', async () => {
    await h['cases.create'](sampleCase());
    await ok(
      'decisions.record',
      h['decisions.record']({ ref: 'RC-000001', agent: 'ann', ...panel(await current()) }),
    );
    expect(() => env.store.db.exec("UPDATE decisions SET recorded_outcome = 'ineligible'")).toThrow(
      /immutable/,
    );
    expect(() => env.store.db.exec('DELETE FROM decisions')).toThrow(/immutable/);
  });
});

describe('notes, drafts, settings, audit, backups', () => {
  it('adds notes that search finds, keeps drafts per language, and audits every change', async () => {
    await h['cases.create'](sampleCase());
    await ok(
      'notes.add',
      h['notes.add']({ ref: 'RC-000001', author: 'ann', body: 'Customer 张三 called back' }),
    );
    const found = await ok('cases.search', h['cases.search']({ query: '张三' }));
    expect(found.items.map((item) => item.ref)).toEqual(['RC-000001']);

    expect(await ok('drafts.get', h['drafts.get']({ ref: 'RC-000001', language: 'zh' }))).toEqual({
      body: null,
      savedAt: null,
    });
    await h['drafts.save']({ ref: 'RC-000001', language: 'zh', body: '您好' });
    expect((await ok('drafts.get', h['drafts.get']({ ref: 'RC-000001', language: 'zh' }))).body).toBe('您好');

    const settings = await ok('settings.set', h['settings.set']({ agentName: 'Ann', language: 'zh' }));
    expect(settings).toEqual({
      agentName: 'Ann',
      language: 'zh',
      timeZone: 'policy',
      theme: 'system',
      serviceTargets: DEFAULT_SERVICE_TARGETS,
      dataFolder: env.dir,
    });
    const ownZone = await ok('settings.set', h['settings.set']({ timeZone: 'agent' }));
    expect(ownZone.timeZone).toBe('agent');
    expect((await ok('settings.get', h['settings.get']({}))).timeZone).toBe('agent');
    expect((await h['settings.set']({ timeZone: 'Mars/Olympus' } as never)).ok).toBe(false);

    const audit = await ok('audit.list', h['audit.list']({ ref: 'RC-000001' }));
    expect(audit.items.map((item) => item.action)).toEqual(['case.create', 'note.add']);
    expect(await ok('audit.verify', h['audit.verify']({}))).toEqual({
      ok: true,
      rows: 4,
      firstBadSeq: null,
      problems: [],
    });
  });

  it('creates and lists backups', async () => {
    const backup = await ok('backups.create', h['backups.create']({}));
    expect(backup.file).toMatch(/backups\/cases-20260302T020000000Z-manual\.sqlite$/);
    expect(backup.kind).toBe('manual');
    expect((await ok('backups.list', h['backups.list']({}))).items).toEqual([backup]);
  });
});

describe('implausible input', () => {
  it('is refused at the API with the field and what is wrong, and nothing is stored', async () => {
    const huge = sampleCase({ facts: { ...sampleCase().facts, orderAmount: 9_000_000_000_000_000 } });
    expect(await h['cases.create'](huge)).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: expect.stringMatching(/^facts\.orderAmount: is too large for an order/),
      },
    });
    const yearOne = sampleCase({ facts: { ...sampleCase().facts, paidAt: '0001-01-01T00:00:00+08:00' } });
    expect(await h['cases.create'](yearOne)).toMatchObject({
      ok: false,
      error: { message: 'facts.paidAt: must be between 2000-01-01 and 2100-01-01 (UTC+8)' },
    });
    expect((await ok('cases.list', h['cases.list']({}))).total).toBe(0);
  });
});
