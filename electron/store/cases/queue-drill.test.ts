import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueQuerySchema, type QueueQuery } from '../../../shared/model/queue';
import { createCase } from './cases';
import { recordDecision } from './decisions';
import { ExportFilterSchema } from '../../../shared/model/export';
import { exportPages, exportQuery } from '../figures/export-rows';
import { listCases, queuePlans } from './queue';
import { listViews, saveView } from './views';
import { sampleCase, START, tempStore } from '../test-support/temp-store';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
let env: ReturnType<typeof tempStore>;
const refs: string[] = [];

/**
 * Ten cases: 0–3 decided by ann, 4–5 overridden by Mei Lin (5 a day later), 6 decided by Mei
 * Lin without an override, 7–9 never decided; kinds alternate saas and api.
 */
beforeAll(() => {
  env = tempStore();
  for (let i = 0; i < 10; i++) {
    const productType = i % 2 === 0 ? 'saas' : 'api';
    const facts = { productType, paidAt: iso(START - 40 * 24 * HOUR), orderAmount: 1000 } as const;
    refs.push(
      createCase(env.store, sampleCase({ orderId: `O-drill-${i}`, facts }), 'ann').detail.summary.ref,
    );
  }
  for (let i = 0; i < 4; i++) recordDecision(env.store, { ref: refs[i]!, agent: 'ann' });
  const override = { outcome: 'eligible' as const, justification: 'goodwill' };
  recordDecision(env.store, { ref: refs[4]!, agent: 'Mei Lin', override });
  recordDecision(env.store, { ref: refs[6]!, agent: 'Mei Lin' });
  env.clock.advance(24 * HOUR);
  recordDecision(env.store, { ref: refs[5]!, agent: 'Mei Lin', override });
});
afterAll(() => env.cleanup());

const list = (query: QueueQuery) => {
  const page = listCases(env.store, QueueQuerySchema.parse({ limit: 500, ...query }));
  expect(page.total).toBe(page.items.length);
  return page.items.map((item) => item.ref).sort();
};
const day = { decidedSince: iso(START), decidedBefore: iso(START + 24 * HOUR) };

describe('the queue’s drill-down filters', () => {
  it('take several kinds and several outcomes at once', () => {
    expect(list({ productType: ['saas', 'api'] })).toHaveLength(10);
    expect(list({ latestOutcome: ['ineligible', 'eligible'] })).toEqual(refs.slice(0, 7));
    expect(list({ latestOutcome: ['eligible'] })).toEqual([refs[4], refs[5]]);
  });

  it('hold the cases decided in a period, by an agent, or overridden (by an agent)', () => {
    expect(list(day)).toEqual(refs.slice(0, 5).concat(refs[6]!));
    expect(list({ ...day, decidedBy: 'Mei Lin' })).toEqual([refs[4], refs[6]]);
    expect(list({ ...day, overridden: true })).toEqual([refs[4]]);
    expect(list({ decidedBy: 'Mei Lin', overridden: true })).toEqual([refs[4], refs[5]]);
    expect(list({ decidedSince: iso(START + 24 * HOUR), overridden: true })).toEqual([refs[5]]);
    expect(list({ ...day, decidedBy: 'Mei Lin', productType: ['api'] })).toEqual([]);
    expect(list({ ...day, decidedBy: 'nobody' })).toEqual([]);
  });

  it('reach an agent’s decisions and the overrides by index, never by reading every decision', () => {
    for (const query of [
      { ...day, decidedBy: 'Mei Lin' },
      { ...day, decidedBy: 'Mei Lin', overridden: true as const },
      { ...day, overridden: true as const },
    ]) {
      const plans = queuePlans(env.store, QueueQuerySchema.parse(query));
      for (const plan of Object.values(plans)) {
        expect(plan.some((line) => /USING (COVERING )?INDEX decisions_(agent|overrides) /.test(line))).toBe(
          true,
        );
        expect(plan.filter((line) => /^SCAN (decisions|cases)\b/.test(line))).toEqual([]);
        // From those decisions to their cases, not along a status's whole index.
        expect(plan).toContain('SEARCH cases USING INTEGER PRIMARY KEY (rowid=?)');
      }
    }
    // A period alone: its page and its total read the cases decided in it off cases_decided, in
    // any status, never a status's whole index.
    const period = queuePlans(env.store, QueueQuerySchema.parse({ ...day, latestOutcome: ['eligible'] }));
    expect(period.page[0]).toBe('SEARCH cases USING INDEX cases_decided (decided_at>? AND decided_at<?)');
    expect(period.total).toEqual(['SEARCH cases USING INDEX cases_decided (decided_at>? AND decided_at<?)']);
  });

  it('export the same cases as the queue lists', () => {
    const filter = ExportFilterSchema.parse({
      from: day.decidedSince,
      to: day.decidedBefore,
      decidedBy: 'Mei Lin',
      overridden: true,
    });
    const rows = [...exportPages(env.store, exportQuery(filter, 'iso'), 100)].flat();
    expect(rows.map((row) => row[0])).toEqual(list({ ...day, decidedBy: 'Mei Lin', overridden: true }));
  });

  it('are kept by saved views, and views saved before them still load', () => {
    // As an earlier release stored a view: one kind, one outcome, no drill-down fields.
    env.store.db
      .prepare(`INSERT INTO saved_views (name, query, created_by, created_at) VALUES (?, ?, 'ann', 1)`)
      .run('old', JSON.stringify({ productType: ['api'], latestOutcome: ['ineligible'], sort: 'deadline' }));
    const query = { productType: ['saas', 'api'] as const, decidedBy: 'Mei Lin', overridden: true as const };
    const views = saveView(
      env.store,
      'Mei’s overrides',
      { ...query, productType: [...query.productType], sort: 'updated' },
      'ann',
    );
    expect(views.map((view) => [view.name, view.count])).toEqual([
      ['Mei’s overrides', 2],
      ['old', 2],
    ]);
    expect(listViews(env.store)[0]!.query).toEqual({ ...query, sort: 'updated' });
  });
});
