import type { Outcome } from '../../../shared/model/decision';
import type { ProductType } from '../../../shared/model/facts';
import { dayOf, dayStart, delayOfBucket } from './day-figures';
import type { CaseStore } from '../core';

/** A period of whole policy-zone days [from, to), as day numbers. */
export interface DaySpan {
  from: number;
  to: number;
  kinds?: readonly ProductType[] | undefined;
}

/** The span of a period that starts and ends on policy-zone midnights, or null for any other. */
export function daySpanOf(from: number, to: number): { from: number; to: number } | null {
  const span = { from: dayOf(from), to: dayOf(to) };
  return dayStart(span.from) === from && dayStart(span.to) === to ? span : null;
}

export interface DayGroup {
  outcome: Outcome;
  kind: ProductType | null;
  provider: string;
  currency: string;
  n: number;
  granted: number;
  cash: number;
}

function spanSql(span: DaySpan): { where: string; params: (string | number)[] } {
  const where = ['day >= ?', 'day < ?', 'superseded_day >= ?'];
  const params: (string | number)[] = [span.from, span.to, span.to];
  if (span.kinds !== undefined && span.kinds.length > 0) {
    where.push(`kind IN (${span.kinds.map(() => '?').join(', ')})`);
    params.push(...span.kinds);
  }
  return { where: where.join(' AND '), params };
}

const STATEMENTS = {
  groups: (where: string) => `SELECT outcome, nullif(kind, '') AS kind, provider, currency,
      sum(n) AS n, sum(granted) AS granted, sum(cash) AS cash
    FROM decision_days WHERE ${where} GROUP BY outcome, kind, provider, currency HAVING sum(n) != 0`,
  delays: (where: string) =>
    `SELECT bucket, sum(n) AS n FROM delay_days WHERE ${where} GROUP BY bucket HAVING sum(n) != 0 ORDER BY bucket`,
};

/** The cases of the span by outcome, kind, provider and currency: one row per group. */
export function dayGroups(store: CaseStore, span: DaySpan): DayGroup[] {
  const { where, params } = spanSql(span);
  return store.sql(STATEMENTS.groups(where)).all(...params) as DayGroup[];
}

/** Median and p90 by rank (as store/period.ts ranks them), each its bucket's middle. */
export function dayDelays(store: CaseStore, span: DaySpan) {
  const { where, params } = spanSql(span);
  const buckets = store.sql(STATEMENTS.delays(where)).all(...params) as { bucket: number; n: number }[];
  const cases = buckets.reduce((sum, bucket) => sum + bucket.n, 0);
  const atRank = (rank: number) => {
    let seen = 0;
    for (const bucket of buckets) {
      seen += bucket.n;
      if (seen > rank) return delayOfBucket(bucket.bucket);
    }
    return null;
  };
  if (cases === 0) return { cases, medianMs: null, p90Ms: null };
  return {
    cases,
    medianMs: atRank(Math.floor((cases - 1) / 2)),
    p90Ms: atRank(Math.floor((cases * 9 - 1) / 10)),
  };
}

/** SQLite's plan for each read, for the tests and the benchmark. */
export function dayPlans(store: CaseStore, span: DaySpan): Record<string, string[]> {
  const { where, params } = spanSql(span);
  const plan = (sql: string, args: unknown[]) =>
    (store.sql(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail);
  return {
    groups: plan(STATEMENTS.groups(where), params),
    delays: plan(STATEMENTS.delays(where), params),
  };
}
