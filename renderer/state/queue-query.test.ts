import { describe, expect, it } from 'vitest';
import { QueueQuerySchema } from '../../shared/model/queue';
import { POLICY_ZONE_NAME } from '../lib/time';
import { queryFor, sortOf, VIEWS, withFilters } from './queue-query';

const NOW = Date.parse('2026-03-02T02:00:00Z');
const ZONE = POLICY_ZONE_NAME;

describe('queue views', () => {
  it('"Closing within 24 h" holds only windows closing in the next 24 hours', () => {
    expect(queryFor('closing', NOW, 'ann', ZONE)).toMatchObject({
      closesAfter: '2026-03-02T02:00:00.000Z',
      closesBefore: '2026-03-03T02:00:00.000Z',
    });
  });

  it('say the order they sort in: "Decided today" is by last update, the rest by deadline', () => {
    const sorts = Object.fromEntries(VIEWS.map((view) => [view, sortOf(queryFor(view, NOW, 'ann', ZONE))]));
    expect(sorts).toEqual({
      open: 'deadline',
      mine: 'deadline',
      closing: 'deadline',
      needsInfo: 'deadline',
      decidedToday: 'updated',
      all: 'deadline',
    });
  });

  it('are valid API queries with the filters over them', () => {
    for (const view of VIEWS) {
      const query = withFilters(queryFor(view, NOW, 'ann', ZONE), { provider: 'Acme', assignee: undefined });
      expect(QueueQuerySchema.parse(query).provider).toBe('Acme');
    }
    expect(withFilters(queryFor('mine', NOW, 'ann', ZONE), { assignee: 'bo' }).assignee).toBe('bo');
  });
});
