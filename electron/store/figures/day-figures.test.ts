import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProductType } from '../../../shared/model/facts';
import { updateCaseFields } from '../cases/case-fields';
import { createCase, updateFacts } from '../cases/cases';
import { dayStart, dayOf, DELAY_GROWTH, TRIGGERS_SQL } from './day-figures';
import { dayFigureProblems } from '../integrity/day-figures-check';
import { recordDecision } from '../cases/decisions';
import { setStatus } from '../cases/lifecycle';
import { MIGRATIONS } from '../core/migrations';
import { openStore } from '../open';
import { daySpanFor, periodAggregates, type PeriodAggregates, type PeriodRange } from './period';
import { applyTeamEvents, type PulledEvent } from '../team';
import { joinTeam } from '../core/team-outbox';
import { sampleCase, START, tempDir, tempStore } from '../test-support/temp-store';

let teamSeq = 0;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KINDS: ProductType[] = ['saas', 'api', 'image', 'rtc_package'];
const PROVIDERS = ['Acme', 'Beta', '腾飞'];
const AGENTS = ['ann', 'Mei Lin', 'bob'];

let cleanup = () => {};
afterEach(() => cleanup());

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

type Env = ReturnType<typeof tempStore>;

/** Cases created, decided (some overridden, some twice), moved to other kinds and providers, reopened. */
function randomWrites(env: Env, seed: number, steps: number): string[] {
  const pick = random(seed);
  const refs: string[] = [];
  for (let step = 0; step < steps; step++) {
    env.clock.advance(pick(10) * HOUR + pick(60) * 60_000);
    const action = refs.length < 3 ? 0 : pick(7);
    const ref = refs[pick(refs.length)]!;
    try {
      if (action === 0) {
        const productType = KINDS[pick(KINDS.length)]!;
        const paidAt = new Date(env.clock.now() - (2 + pick(20)) * DAY).toISOString();
        const requestedAt = new Date(env.clock.now() - pick(48) * HOUR).toISOString();
        const facts = {
          productType,
          paidAt,
          orderAmount: 100 + pick(5000),
          currency: pick(2) ? 'CNY' : 'USD',
        };
        const input = sampleCase({
          orderId: `O-${seed}-${step}`,
          provider: PROVIDERS[pick(PROVIDERS.length)]!,
          facts: { ...facts, ...(pick(3) ? { requestedAt } : {}) } as never,
        });
        refs.push(createCase(env.store, input, 'ann').detail.summary.ref);
      } else if (action <= 2) {
        const agent = AGENTS[pick(AGENTS.length)]!;
        const override =
          pick(3) === 0 ? { outcome: 'eligible' as const, justification: 'goodwill' } : undefined;
        recordDecision(env.store, { ref, agent, override, duplicateRefund: { justification: 'test' } });
      } else if (action === 3) {
        const facts = sampleCase().facts;
        updateFacts(env.store, ref, { ...facts, productType: KINDS[pick(KINDS.length)]! }, 'ann');
      } else if (action === 4) {
        updateCaseFields(env.store, ref, { provider: PROVIDERS[pick(PROVIDERS.length)]! }, 'ann');
      } else if (action === 5) {
        setStatus(env.store, ref, 'open', 'ann', undefined, 'reopened for a second look');
      } else {
        // A team event brings a decision recorded elsewhere earlier than this desktop's latest
        // (team-apply inserts it as it came), so an older decision is superseded out of order.
        const id = Number(ref.slice(3));
        const at = env.clock.now() - pick(72) * HOUR;
        env.store.db
          .prepare(
            `INSERT INTO decisions (case_id, recorded_outcome, override_justification, decision, facts, agent, decided_at)
             SELECT ?, recorded_outcome, override_justification, decision, facts, 'carol', ?
             FROM decisions ORDER BY id DESC LIMIT 1`,
          )
          .run(id, at);
      }
    } catch (error) {
      // Refusals (a conflict, a reopen of an open case) are part of a random mix; nothing else is.
      if (!/Nothing was recorded|already|is open|not a change/i.test((error as Error).message)) throw error;
    }
  }
  return refs;
}

/** The figures with the delays compared within the histogram's precision. */
function comparable(figures: PeriodAggregates) {
  const { requestToDecision, ...rest } = figures;
  return { rest, cases: requestToDecision.cases };
}

function expectClose(fromDays: number | null, walked: number | null) {
  if (walked === null) return expect(fromDays).toBeNull();
  const slack = Math.max(1000, Math.abs(walked) * (Math.sqrt(DELAY_GROWTH) - 1));
  expect(Math.abs(fromDays! - walked)).toBeLessThanOrEqual(slack);
}

function expectSameBothWays(env: Env, range: PeriodRange) {
  const span = daySpanFor(range);
  expect(span).not.toBeNull();
  const fromDays = periodAggregates(env.store, range, span);
  const walked = periodAggregates(env.store, range, null);
  expect(comparable(fromDays)).toEqual(comparable(walked));
  expectClose(fromDays.requestToDecision.medianMs, walked.requestToDecision.medianMs);
  expectClose(fromDays.requestToDecision.p90Ms, walked.requestToDecision.p90Ms);
}

describe('per-day figures', () => {
  for (const seed of [1, 2, 3]) {
    it(`equal a full recomputation after a random mix of writes (seed ${seed})`, () => {
      const env = tempStore();
      cleanup = env.cleanup;
      randomWrites(env, seed, 400);
      expect(dayFigureProblems(env.store)).toEqual([]);
      const first = dayOf(START);
      const last = dayOf(env.clock.now()) + 1;
      for (const [from, to] of [
        [first, last],
        [first + 2, first + 5],
        [first + 1, first + 2],
        [last - 3, last],
      ] as const) {
        const range = { from: dayStart(from), to: dayStart(to) };
        expectSameBothWays(env, range);
        expectSameBothWays(env, { ...range, kinds: ['saas', 'api'] });
      }
      expect(
        periodAggregates(env.store, { from: dayStart(first), to: dayStart(last) }).decidedCases,
      ).toBeGreaterThan(25);
    });
  }

  it('are kept by the triggers this code writes: migration 12 holds the same SQL as text', () => {
    // Migrations are frozen copies; a change to the live triggers needs a new migration.
    const env = tempStore();
    cleanup = env.cleanup;
    const stored = env.store.db
      .prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'decision_days_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(stored).toEqual([...TRIGGERS_SQL].sort().map((sql) => sql.trim().replace(/;$/, '')));
  });

  it('are found out when they no longer match the decisions', () => {
    const env = tempStore();
    cleanup = env.cleanup;
    randomWrites(env, 4, 60);
    env.store.db.exec('UPDATE decision_days SET n = n + 1 WHERE day = (SELECT min(day) FROM decision_days)');
    expect(dayFigureProblems(env.store)).toEqual([
      expect.stringMatching(/per-day figures \(decision_days\)/),
    ]);
  });

  it('are counted from the decisions a store held before they existed', () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'cases.sqlite');
    const env = tempStore({ file });
    randomWrites(env, 5, 150);
    env.store.close();
    // As before 012: its tables, triggers and indexes gone, the decisions kept; then 012 runs.
    // (Later migrations stay: the upgrade path itself is migrations.test.ts's.)
    const db = new Database(file);
    db.exec(`DROP TABLE decision_days; DROP TABLE delay_days;
      DROP TRIGGER decision_days_on_decision; DROP TRIGGER decision_days_on_case_move;
      DROP INDEX decisions_agent; DROP INDEX decisions_overrides;`);
    db.transaction(() => MIGRATIONS.find((migration) => migration.name === 'day-figures')!.up(db))();
    db.close();
    const store = openStore({ file, now: env.clock.now, autoBackup: false });
    try {
      expect(store.db.prepare('SELECT count(*) FROM decision_days').pluck().get()).toBeGreaterThan(0);
      expect(dayFigureProblems(store)).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe('per-day figures and the team', () => {
  it('count a decision pulled from the team, older than this desktop’s own, in the same transaction', () => {
    const env = tempStore();
    cleanup = env.cleanup;
    joinTeam(env.store, 'ravi');
    const caseKey = randomUUID();
    const event = (kind: string, body: Record<string, unknown>): PulledEvent => ({
      seq: ++teamSeq,
      id: randomUUID(),
      desktopId: 'desk-mei',
      caseKey,
      kind,
      actor: 'mei',
      pushedBy: 'mei',
      body,
    });
    const facts = { productType: 'saas', paidAt: new Date(START - 30 * DAY).toISOString(), orderAmount: 900 };
    const [created] = applyTeamEvents(env.store, [
      event('case.create', { case: sampleCase({ facts } as never), status: 'open' }),
    ]);
    const ref = (created as { ref: string }).ref;
    env.clock.advance(2 * DAY);
    recordDecision(env.store, { ref, agent: 'ann' });
    // Mei's decision was recorded a day before Ann's, on her desktop: pulled now, it supersedes
    // Ann's for every period that takes in both (it has the later id).
    const mine = env.store.db
      .prepare('SELECT * FROM decisions WHERE case_id = ?')
      .get(Number(ref.slice(3))) as Record<string, unknown>;
    const decision = { ...mine, agent: 'Mei Lin', decided_at: START + DAY, override_justification: null };
    expect(applyTeamEvents(env.store, [event('decision.record', { decision })])[0]!.kind).toBe('applied');
    expect(dayFigureProblems(env.store)).toEqual([]);
    const twoDays = { from: dayStart(dayOf(START + DAY)), to: dayStart(dayOf(START + 2 * DAY) + 1) };
    expectSameBothWays(env, twoDays);
    expect(periodAggregates(env.store, twoDays).decidedCases).toBe(1);
  });
});
