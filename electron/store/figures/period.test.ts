import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../cases/cases';
import { recordDecision } from '../cases/decisions';
import { dayOf, dayStart } from './day-figures';
import { dayPlans } from './day-figures-read';
import { closingSoon, daySpanFor, periodAggregates, periodPlans } from './period';
import { sampleCase, START, tempStore } from '../test-support/temp-store';
import { OVERRIDES_LISTED_PER_AGENT } from '../../../shared/model/period';

const HOUR = 3_600_000;
let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
});
afterEach(() => env.cleanup());

const iso = (ms: number) => new Date(ms).toISOString();
let orders = 0;
// Each case its own order: a second refund on one order is refused without a reason.
function open(provider: string, facts: object): string {
  const orderId = `O-period-${++orders}`;
  return createCase(env.store, sampleCase({ provider, orderId, facts: facts as never }), 'ann').detail.summary
    .ref;
}

/**
 * A: SaaS in its window, CNY 199 less a 25 voucher, asked 2 h before the decision.
 * B: SaaS out of its window in USD, overridden to eligible by Mei with her reason, asked 4 h before.
 * C: an API product (never refundable), decided twice: counts once, by the later decision.
 * D: decided after the period ends: not counted.
 */
function seed() {
  const paid = iso(START - 24 * HOUR);
  const a = open('Acme', {
    productType: 'saas',
    paidAt: paid,
    requestedAt: iso(START - 2 * HOUR),
    orderAmount: 19900,
    voucherAmount: 2500,
    currency: 'CNY',
  });
  const b = open('Beta', {
    productType: 'saas',
    paidAt: iso(START - 30 * 24 * HOUR),
    requestedAt: iso(START - 4 * HOUR),
    orderAmount: 5000,
    currency: 'USD',
  });
  const c = open('Acme', {
    productType: 'api',
    paidAt: paid,
    requestedAt: iso(START - HOUR),
    orderAmount: 700,
  });
  const d = open('Acme', { productType: 'saas', paidAt: paid, requestedAt: iso(START), orderAmount: 100 });
  recordDecision(env.store, { ref: a, agent: 'ann' });
  recordDecision(env.store, {
    ref: b,
    agent: 'Mei Lin',
    override: { outcome: 'eligible', justification: 'Goodwill <b>gesture</b>' },
  });
  recordDecision(env.store, { ref: c, agent: 'ann' });
  env.clock.advance(6 * HOUR);
  recordDecision(env.store, { ref: c, agent: 'bob' });
  env.clock.advance(24 * HOUR);
  recordDecision(env.store, { ref: d, agent: 'ann' });
  return { a, b, c, d, range: { from: START, to: START + 24 * HOUR } };
}

describe('a period’s aggregates', () => {
  it('count each case once by its latest decision in the period, and sum the cash per currency', () => {
    const { b, range } = seed();
    const figures = periodAggregates(env.store, range);
    expect(figures.decidedCases).toBe(3);
    expect(figures.byOutcome).toEqual([
      { key: 'eligible', n: 2 },
      { key: 'ineligible', n: 1 },
    ]);
    expect(figures.byKind).toEqual([
      { key: 'saas', n: 2 },
      { key: 'api', n: 1 },
    ]);
    expect(figures.byProvider).toEqual([
      { key: 'Acme', n: 2 },
      { key: 'Beta', n: 1 },
    ]);
    // The override grants what the customer paid in cash: the whole 50.00, no voucher.
    expect(figures.cashRefunded).toEqual([
      { currency: 'CNY', amount: 17400, cases: 1 },
      { currency: 'USD', amount: 5000, cases: 1 },
    ]);
    expect(figures.overridesByAgent).toEqual([
      {
        agent: 'Mei Lin',
        n: 1,
        overrides: [
          {
            ref: b,
            agent: 'Mei Lin',
            decidedAt: iso(START),
            rulesGave: 'ineligible',
            recorded: 'eligible',
            reason: 'Goodwill <b>gesture</b>',
          },
        ],
      },
    ]);
    // Delays 2 h (A), 4 h (B), 7 h (C decided again 6 h later): median 4 h, p90 by rank 7 h.
    expect(figures.requestToDecision).toEqual({ cases: 3, medianMs: 4 * HOUR, p90Ms: 7 * HOUR });
  });

  it('sum the cash by product kind and by provider, walked or read from the days alike', () => {
    const { range } = seed();
    const whole = { from: dayStart(dayOf(range.from)), to: dayStart(dayOf(range.from) + 1) };
    expect(daySpanFor(whole)).not.toBeNull();
    for (const figures of [periodAggregates(env.store, range), periodAggregates(env.store, whole)]) {
      // The API product refunds nothing: it has no row.
      expect(figures.cashByKind).toEqual([
        { key: 'saas', currency: 'CNY', amount: 17400, cases: 1 },
        { key: 'saas', currency: 'USD', amount: 5000, cases: 1 },
      ]);
      expect(figures.cashByProvider).toEqual([
        { key: 'Acme', currency: 'CNY', amount: 17400, cases: 1 },
        { key: 'Beta', currency: 'USD', amount: 5000, cases: 1 },
      ]);
    }
  });

  it('narrow to a product kind, a provider or an agent, and are empty for an empty period', () => {
    const { range } = seed();
    expect(periodAggregates(env.store, { ...range, kinds: ['api'] }).decidedCases).toBe(1);
    expect(periodAggregates(env.store, { ...range, provider: 'Beta' }).byOutcome).toEqual([
      { key: 'eligible', n: 1 },
    ]);
    expect(periodAggregates(env.store, { ...range, agent: 'Mei Lin' }).decidedCases).toBe(1);
    expect(periodAggregates(env.store, { from: 0, to: 1000 })).toEqual({
      decidedCases: 0,
      byOutcome: [],
      byKind: [],
      byProvider: [],
      cashRefunded: [],
      cashByKind: [],
      cashByProvider: [],
      overridesByAgent: [],
      overrideCost: [],
      requestToDecision: { cases: 0, medianMs: null, p90Ms: null },
    });
  });

  it('walk the decisions of the period by index, never every decision or every case', () => {
    const { range } = seed();
    for (const plan of Object.values(
      periodPlans(env.store, { ...range, kinds: ['saas'], provider: 'Acme' }),
    )) {
      // The overrides, counted and listed, walk only the overrides (decisions_overrides, migration 012).
      expect(
        plan.some((line) =>
          /^SEARCH d USING INDEX decisions_(decided|overrides) \(decided_at>\? AND decided_at<\?\)$/.test(
            line,
          ),
        ),
      ).toBe(true);
      expect(plan.filter((line) => /^SCAN (d|c|later)\b/.test(line))).toEqual([]);
    }
  });
});

describe('a period’s overrides by agent', () => {
  /** `n` overrides by `agent`, a minute apart, of SaaS cases out of their window (or API ones). */
  function overrides(agent: string, n: number, productType = 'saas'): string[] {
    return Array.from({ length: n }, (_, i) => {
      const ref = open('Acme', {
        productType,
        paidAt: iso(START - 30 * 24 * HOUR),
        requestedAt: iso(START - HOUR),
        orderAmount: 1000,
      });
      recordDecision(env.store, {
        ref,
        agent,
        override: { outcome: 'eligible', justification: `${agent}'s reason ${i}` },
      });
      env.clock.advance(60_000);
      return ref;
    });
  }

  it('count every override of each agent, and list only the newest of each, newest first', () => {
    const mei = overrides('Mei Lin', OVERRIDES_LISTED_PER_AGENT + 5);
    const ann = overrides('ann', 3);
    recordDecision(env.store, { ref: mei[0]!, agent: 'bob' });
    const range = { from: START, to: env.clock.now() };
    const byAgent = periodAggregates(env.store, range).overridesByAgent;
    expect(byAgent.map(({ agent, n, overrides }) => [agent, n, overrides.length])).toEqual([
      ['Mei Lin', OVERRIDES_LISTED_PER_AGENT + 5, OVERRIDES_LISTED_PER_AGENT],
      ['ann', 3, 3],
    ]);
    expect(byAgent[0]!.overrides.map((o) => o.ref)).toEqual(mei.slice(-OVERRIDES_LISTED_PER_AGENT).reverse());
    expect(byAgent[1]!.overrides.map((o) => [o.ref, o.reason])).toEqual([
      [ann[2], "ann's reason 2"],
      [ann[1], "ann's reason 1"],
      [ann[0], "ann's reason 0"],
    ]);
  });

  it('count what a list without a cap holds, under every filter', () => {
    overrides('Mei Lin', 7);
    overrides('ann', 4, 'api');
    overrides('Mei Lin', 2, 'api');
    const range = { from: START, to: env.clock.now() };
    for (const filtered of [range, { ...range, kinds: ['api' as const] }, { ...range, agent: 'ann' }]) {
      const capped = periodAggregates(env.store, filtered, null, 3).overridesByAgent;
      const all = periodAggregates(env.store, filtered, null, 1000).overridesByAgent;
      expect(capped.map(({ agent, n }) => ({ agent, n }))).toEqual(
        all.map(({ agent, overrides }) => ({ agent, n: overrides.length })),
      );
      for (const { overrides, n } of capped) expect(overrides).toHaveLength(Math.min(n, 3));
    }
    expect(
      periodAggregates(env.store, { ...range, kinds: ['api'] }).overridesByAgent.map((a) => [a.agent, a.n]),
    ).toEqual([
      ['ann', 4],
      ['Mei Lin', 2],
    ]);
  });
});

describe('a period of whole policy-zone days', () => {
  it('is read from the per-day figures, and gives what the walk of its decisions gives', () => {
    seed();
    const range = { from: dayStart(dayOf(START)), to: dayStart(dayOf(START) + 1) };
    const span = daySpanFor(range);
    expect(span).toEqual({ from: dayOf(START), to: dayOf(START) + 1, kinds: undefined });
    const { requestToDecision: delays, ...fromDays } = periodAggregates(env.store, range, span);
    const { requestToDecision: walkedDelays, ...walked } = periodAggregates(env.store, range, null);
    expect(fromDays).toEqual(walked);
    // The delays come from a histogram in 5% buckets: each figure within 2.5% of the exact one.
    expect(delays.cases).toBe(walkedDelays.cases);
    expect(Math.abs(delays.medianMs! / walkedDelays.medianMs! - 1)).toBeLessThan(0.025);
    expect(Math.abs(delays.p90Ms! / walkedDelays.p90Ms! - 1)).toBeLessThan(0.025);
    // Whatever the days do not keep, or a period that is not whole days, is walked.
    expect(daySpanFor({ ...range, provider: 'Acme' })).toBeNull();
    expect(daySpanFor({ ...range, agent: 'ann' })).toBeNull();
    expect(daySpanFor({ ...range, to: range.to - 1 })).toBeNull();
  });

  it('reads a range of days off each table’s key, never a whole table', () => {
    seed();
    for (const plan of Object.values(dayPlans(env.store, { from: 1, to: 9, kinds: ['saas'] }))) {
      expect(plan[0]).toMatch(
        /^SEARCH (decision|delay|override)_days USING PRIMARY KEY \(day>\? AND day<\?\)$/,
      );
      expect(plan.filter((line) => line.startsWith('SCAN'))).toEqual([]);
    }
  });
});

describe('windows closing soon', () => {
  it('lists open work whose window closes in the range, soonest first, with the total', () => {
    const late = open('Acme', { productType: 'saas', paidAt: iso(START - 2 * 24 * HOUR), orderAmount: 1 });
    const soon = open('Acme', { productType: 'saas', paidAt: iso(START - 4 * 24 * HOUR), orderAmount: 1 });
    open('Acme', { productType: 'api', paidAt: iso(START), orderAmount: 1 });
    const { total, cases } = closingSoon(env.store, START, START + 7 * 24 * HOUR);
    expect(total).toBe(2);
    expect(cases.map((c) => c.ref)).toEqual([soon, late]);
    expect(cases[0]).toMatchObject({ status: 'open', windowClosesAt: iso(START + 24 * HOUR) });
    expect(closingSoon(env.store, START, START + 7 * 24 * HOUR, 1)).toMatchObject({ total: 2 });
  });
});
