import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueQuerySchema, type QueueQuery } from '../../../shared/model/queue';
import { createCase, updateFacts } from './cases';
import { setStatus } from './lifecycle';
import { recordDecision } from './decisions';
import { listCases } from './queue';
import { formatRef } from '../core/refs';
import { sampleCase, tempStore } from '../test-support/temp-store';

const HOUR = 3_600_000;
let env: ReturnType<typeof tempStore>;
beforeAll(() => {
  env = tempStore();
  const kinds = ['saas', 'rtc_package', 'api'] as const;
  for (let i = 0; i < 60; i++) {
    env.clock.advance(HOUR);
    const paidAt = new Date(Date.parse('2026-02-26T00:00:00Z') + ((i * 7919) % 48) * HOUR).toISOString();
    const productType = kinds[i % 3]!;
    createCase(
      env.store,
      sampleCase({
        orderId: `O-${i}`,
        assignee: i % 2 === 0 ? 'ann' : 'bob',
        facts: { productType, paidAt, orderAmount: 1000 },
      }),
      'ann',
    );
  }
  for (const ref of ['RC-000006', 'RC-000010']) {
    env.clock.advance(HOUR);
    recordDecision(env.store, { ref, agent: 'ann' });
  }
  env.clock.advance(HOUR);
  setStatus(env.store, 'RC-000007', 'pending_customer', 'ann');
});
afterAll(() => env.cleanup());

const list = (query: QueueQuery) => listCases(env.store, QueueQuerySchema.parse(query));

function allPages(query: QueueQuery) {
  const refs: string[] = [];
  let after: string | undefined;
  do {
    const page = list({ ...query, after });
    refs.push(...page.items.map((item) => item.ref));
    after = page.next ?? undefined;
  } while (after !== undefined);
  return refs;
}

describe('queue', () => {
  it('pages by deadline through every case once, no window last', () => {
    const full = list({ limit: 500 }).items;
    const refs = allPages({ limit: 7 });
    expect(refs).toEqual(full.map((item) => item.ref));
    expect(new Set(refs).size).toBe(60);
    const deadlines = full.map((item) => item.windowClosesAt ?? '9999');
    expect(deadlines).toEqual([...deadlines].sort());
    expect(full.at(-1)!.windowClosesAt).toBeNull(); // api products have no window
  });

  it('pages by last update, newest first', () => {
    const refs = allPages({ sort: 'updated', limit: 9 });
    expect(refs.slice(0, 3)).toEqual(['RC-000007', 'RC-000010', 'RC-000006']);
    expect(refs).toHaveLength(60);
  });

  it.each(['deadline', 'updated'] as const)(
    'merges several statuses in %s order, page after page',
    (sort) => {
      const order = sort === 'deadline' ? 'deadline_key ASC, id ASC' : 'updated_at DESC, id DESC';
      const expected = (
        env.store.db
          .prepare(
            `SELECT id FROM cases WHERE status IN ('open', 'pending_customer', 'decided') ORDER BY ${order}`,
          )
          .pluck()
          .all() as number[]
      ).map(formatRef);
      expect(allPages({ status: ['open', 'pending_customer', 'decided'], sort, limit: 7 })).toEqual(expected);
      const everyCase = (
        env.store.db.prepare(`SELECT id FROM cases ORDER BY ${order}`).pluck().all() as number[]
      ).map(formatRef);
      expect(allPages({ sort, limit: 7 })).toEqual(everyCase);
      expect(list({ status: ['pending_customer', 'decided'], sort }).total).toBe(3);
    },
  );

  it('filters by status, kind, outcome and assignee, with the total of all pages', () => {
    expect(list({ status: ['decided'] })).toMatchObject({ total: 2 });
    expect(list({ status: ['pending_customer'] }).items.map((i) => i.ref)).toEqual(['RC-000007']);
    expect(list({ productType: ['api'], limit: 5 })).toMatchObject({ total: 20 });
    expect(list({ assignee: 'bob', productType: ['saas'] }).items.every((i) => i.assignee === 'bob')).toBe(
      true,
    );
    const decided = list({ status: ['decided'] }).items;
    const outcome = decided[0]!.latestOutcome!;
    expect(list({ latestOutcome: [outcome] }).items).toEqual(
      decided.filter((i) => i.latestOutcome === outcome),
    );
    expect(list({ latestOutcome: ['eligible', 'ineligible', 'conditional', 'needs_info'] }).total).toBe(2);
    expect(allPages({ status: ['open'], limit: 4 })).toHaveLength(57);
  });

  it('keeps the stored totals equal to counting the cases', () => {
    updateFacts(env.store, 'RC-000003', { productType: 'image', paidAt: '2026-03-01T00:00:00Z' }, 'ann');
    for (let i = 0; i < 3; i++) createCase(env.store, sampleCase({ orderId: `O-unassigned-${i}` }), 'ann');
    const count = (where: string) =>
      env.store.db.prepare(`SELECT count(*) FROM cases WHERE ${where}`).pluck().get();
    expect(list({ productType: ['image'] }).total).toBe(count("product_type = 'image'"));
    expect(list({ status: ['open', 'decided'], assignee: 'ann' }).total).toBe(
      count("status IN ('open', 'decided') AND assignee = 'ann'"),
    );
    expect(list({ latestOutcome: ['eligible', 'conditional', 'ineligible', 'needs_info'] }).total).toBe(
      count('latest_outcome IS NOT NULL'),
    );
    expect(list({ assignee: '' }).total).toBe(3);
    expect(list({ assignee: '' }).items).toHaveLength(3);
    expect(list({ decidedSince: '2026-01-01T00:00:00Z' }).total).toBe(2);
    expect(list({}).total).toBe(63);
  });

  it('refuses a cursor from another sort or a made-up one', () => {
    const next = list({ limit: 2 }).next!;
    expect(() => list({ sort: 'updated', after: next })).toThrow(/after: /);
    expect(() => list({ after: 'bm9wZQ' })).toThrow(/after: /);
    expect(() => list({ closesBefore: 'tomorrow' })).toThrow(/closesBefore: /);
  });
});
