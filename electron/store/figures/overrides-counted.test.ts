import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardQuerySchema } from '../../../shared/model/dashboard';
import { ExportFilterSchema } from '../../../shared/model/export';
import { QueueQuerySchema } from '../../../shared/model/queue';
import { createCase, listCases, recordDecision, rememberTeamPolicy } from '../cases';
import { joinTeam } from '..';
import { sampleCase, tempStore } from '../test-support/temp-store';
import { dashboardFigures } from './dashboard';
import { exportPages, exportQuery } from './export-rows';
import { periodAggregates } from './period';

// The store's clock starts at 2026-03-02 10:00 in the policy zone: the period is that whole day.
const FROM = '2026-03-02T00:00:00+08:00';
const TO = '2026-03-03T00:00:00+08:00';
const HOUR = 3_600_000;
let env: ReturnType<typeof tempStore>;
let overriddenThenDecided: string;
let overridden: string;

beforeAll(() => {
  env = tempStore();
  // Paid 40 days before: out of its window, so a recorded refund overrides the rules.
  const open = (orderId: string) =>
    createCase(
      env.store,
      sampleCase({ orderId, facts: { ...sampleCase().facts, paidAt: '2026-01-20T10:00:00+08:00' } }),
      'ann',
    ).detail.summary.ref;
  const override = { outcome: 'eligible' as const, justification: 'goodwill' };
  overriddenThenDecided = open('O-later');
  overridden = open('O-once');
  recordDecision(env.store, { ref: overriddenThenDecided, agent: 'Mei Lin', override });
  recordDecision(env.store, { ref: overridden, agent: 'Mei Lin', override });
  // In a team, an override waits for a lead's approval: until granted it counts nowhere.
  joinTeam(env.store, 'Mei Lin');
  rememberTeamPolicy(env.store, { member: { name: 'Mei Lin', role: 'agent' }, thresholds: {} });
  recordDecision(env.store, { ref: open('O-waiting'), agent: 'Mei Lin', override });
  // The next day, after the period, the first case is decided again as the rules have it.
  env.clock.advance(24 * HOUR);
  recordDecision(env.store, { ref: overriddenThenDecided, agent: 'Mei Lin' });
});
afterAll(() => env.cleanup());

describe('the overrides of a period', () => {
  const both = () => [overriddenThenDecided, overridden].sort();

  it('are the same cases in the queue and the export, decided again later or not, none waiting', () => {
    const queue = listCases(
      env.store,
      QueueQuerySchema.parse({ decidedSince: FROM, decidedBefore: TO, overridden: true, limit: 50 }),
    ).items.map((item) => item.ref);
    expect(queue.sort()).toEqual(both());
    const filter = ExportFilterSchema.parse({ from: FROM, to: TO, overridden: true });
    const rows = [...exportPages(env.store, exportQuery(filter, 'iso'), 100)].flat();
    expect(rows.map((row) => row[0]).sort()).toEqual(both());
  });

  it('count the same on the dashboard and in the period report, none waiting', () => {
    const period = periodAggregates(env.store, { from: Date.parse(FROM), to: Date.parse(TO) });
    const dashboard = dashboardFigures(
      env.store,
      DashboardQuerySchema.parse({ from: '2026-03-02', to: '2026-03-02' }),
    );
    expect(period.overridesByAgent.map(({ agent, n }) => ({ key: agent, n }))).toEqual([
      { key: 'Mei Lin', n: 2 },
    ]);
    expect(dashboard.overridesByAgent).toEqual([{ key: 'Mei Lin', n: 2 }]);
  });

  it('cost the same on the dashboard and in the period report: recorded cash less the rules’', () => {
    const period = periodAggregates(env.store, { from: Date.parse(FROM), to: Date.parse(TO) });
    const dashboard = dashboardFigures(
      env.store,
      DashboardQuerySchema.parse({ from: '2026-03-02', to: '2026-03-02' }),
    );
    // The rules refused both (out of the window); each override refunds the 199.00 paid.
    const cost = [{ key: 'Mei Lin', currency: 'CNY', amount: 2 * 19900, cases: 2 }];
    expect(period.overrideCost).toEqual(cost);
    expect(dashboard.overrideCost).toEqual(cost);
  });
});
