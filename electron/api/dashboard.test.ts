import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase, recordDecision } from '../store';
import { sampleCase, START, tempStore } from '../store/test-support/temp-store';
import { createHandlers, type Handlers } from './handlers';
import { DEFAULT_SERVICE_TARGETS } from '../../shared/model/service-targets';

let env: ReturnType<typeof tempStore>;
let handlers: Handlers;
beforeEach(() => {
  env = tempStore();
  handlers = createHandlers(env.store);
});
afterEach(() => env.cleanup());

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('the dashboard through the API', () => {
  it('answers whole policy-zone days with the period report’s figures and the windows closing', async () => {
    // START is 2026-03-02 10:00 at UTC+8; one case decided then, one refused a day later.
    const paidAt = iso(START - 2 * HOUR);
    const a = createCase(
      env.store,
      sampleCase({ orderId: 'O-1', facts: { productType: 'saas', paidAt, orderAmount: 5000 } }),
      'ann',
    );
    const b = createCase(
      env.store,
      sampleCase({
        orderId: 'O-2',
        provider: 'Beta',
        facts: { productType: 'api', paidAt, orderAmount: 700 },
      }),
      'ann',
    );
    createCase(
      env.store,
      sampleCase({ orderId: 'O-3', facts: { productType: 'saas', paidAt, orderAmount: 1 } }),
      'ann',
    );
    recordDecision(env.store, { ref: a.detail.summary.ref, agent: 'ann' });
    recordDecision(env.store, {
      ref: b.detail.summary.ref,
      agent: 'Mei Lin',
      override: { outcome: 'eligible', justification: 'goodwill' },
    });
    const answer = await handlers['dashboard.figures']({
      from: '2026-03-02',
      to: '2026-03-02',
      closingDays: 3,
    });
    expect(answer.ok).toBe(true);
    const figures = answer.ok ? answer.value : null;
    expect(figures).toMatchObject({
      since: '2026-03-01T16:00:00.000Z',
      before: '2026-03-02T16:00:00.000Z',
      decidedCases: 2,
      byOutcome: [{ key: 'eligible', n: 2 }],
      byKind: [
        { key: 'api', n: 1 },
        { key: 'saas', n: 1 },
      ],
      overridesByAgent: [{ key: 'Mei Lin', n: 1 }],
      cashRefunded: [{ currency: 'CNY', amount: 5700, cases: 2 }],
    });
    // The undecided SaaS case's window (7 days from payment) is beyond three days: none closing.
    expect(figures!.closing.byDay.map((day) => day.day)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(figures!.closing.byDay[0]!.from).toBe(iso(START));
    const week = await handlers['dashboard.figures']({
      from: '2026-03-02',
      to: '2026-03-02',
      closingDays: 8,
    });
    expect(week.ok && week.value.closing.total).toBe(1);
    expect(await handlers['dashboard.figures']({ from: '2026-03-03', to: '2026-03-09' })).toMatchObject({
      ok: true,
      value: { decidedCases: 0, byOutcome: [], requestToDecision: { cases: 0, medianMs: null } },
    });
  });

  it('refuses a period that ends before it starts, or is not made of dates', async () => {
    expect(await handlers['dashboard.figures']({ from: '2026-03-05', to: '2026-03-01' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        message: expect.stringContaining('to: the period must not end before it starts'),
      },
    });
    expect(await handlers['dashboard.figures']({ from: 'last week', to: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('counts the open work whose service clocks are breached now, by the targets in the settings', async () => {
    const requested = (productType: 'saas' | 'api', hoursAgo: number, orderId: string) =>
      createCase(
        env.store,
        sampleCase({
          orderId,
          facts: { productType, paidAt: iso(START - 100 * HOUR), requestedAt: iso(START - hoursAgo * HOUR) },
        }),
        'ann',
      ).detail.summary.ref;
    requested('saas', 9, 'O-1'); // first reply due after 8 h: breached; resolution (72 h) not
    requested('api', 96, 'O-2'); // both breached
    requested('saas', 1, 'O-3'); // neither
    const decided = requested('api', 96, 'O-4'); // settled: no clock runs
    recordDecision(env.store, { ref: decided, agent: 'ann' });
    const figures = async () => {
      const answer = await handlers['dashboard.figures']({ from: '2026-03-02', to: '2026-03-02' });
      return answer.ok ? answer.value.breaches : null;
    };
    expect(await figures()).toEqual({ firstResponse: 2, resolution: 1 });
    await handlers['settings.set']({
      serviceTargets: { ...DEFAULT_SERVICE_TARGETS, saas: { firstResponse: 600, resolution: 600 } },
    });
    expect(await figures()).toEqual({ firstResponse: 1, resolution: 1 });
  });
});
