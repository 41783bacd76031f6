import { describe, expect, it } from 'vitest';
import { QueueQuerySchema } from '../../../shared/model/queue';
import { drillFilters, presetPeriod } from './period';

// 2026-03-01 23:30 UTC is already 2026-03-02 07:30 in the policy zone.
const NOW = Date.parse('2026-03-01T23:30:00Z');

describe('dashboard periods', () => {
  it('count days in the policy zone, today included', () => {
    expect(presetPeriod('today', NOW)).toEqual({ from: '2026-03-02', to: '2026-03-02' });
    expect(presetPeriod('days7', NOW)).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(presetPeriod('days30', NOW)).toEqual({ from: '2026-02-01', to: '2026-03-02' });
  });

  it('drill into queue filters the queue accepts', () => {
    const figures = { since: '2026-02-23T16:00:00.000Z', before: '2026-03-02T16:00:00.000Z' };
    const decided = { decidedSince: figures.since, decidedBefore: figures.before };
    expect(drillFilters(figures, { by: 'agent', key: 'Mei Lin' })).toEqual({
      ...decided,
      decidedBy: 'Mei Lin',
      overridden: true,
    });
    expect(drillFilters(figures, { by: 'outcome', key: 'ineligible' })).toEqual({
      ...decided,
      latestOutcome: ['ineligible'],
    });
    const closing = drillFilters(figures, { by: 'closing', from: figures.since, to: figures.before });
    expect(closing).toEqual({
      status: ['open', 'pending_customer'],
      closesAfter: figures.since,
      closesBefore: figures.before,
    });
    for (const drill of [
      { by: 'kind', key: 'saas' },
      { by: 'provider', key: '腾飞' },
    ] as const)
      expect(() => QueueQuerySchema.parse(drillFilters(figures, drill))).not.toThrow();
  });
});
