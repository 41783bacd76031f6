import { REFUNDING_OUTCOMES_SQL, type Outcome } from '../../../shared/model/decision';
import type { ProductType } from '../../../shared/model/facts';
import {
  OVERRIDES_LISTED_PER_AGENT,
  type AgentOverrides,
  type CashRefunded,
  type CashRefundedBy,
  type ClosingCase,
  type Counted,
} from '../../../shared/model/period';
import { type CaseStore, formatRef, iso } from '../core';
import { cashSql, recordedAmountSql } from './day-figures';
import { dayDelays, dayGroups, daySpanOf, type DaySpan } from './day-figures-read';
import { uncounted } from '../cases';

/** The decisions a period covers, as instants (ms) and plain filters. */
export interface PeriodRange {
  from: number;
  to: number;
  kinds?: readonly ProductType[] | undefined;
  provider?: string | undefined;
  agent?: string | undefined;
}

/** The aggregates the store computes for a period; the report adds the replay and its words. */
export interface PeriodAggregates {
  decidedCases: number;
  byOutcome: Counted<Outcome>[];
  byKind: Counted<ProductType | null>[];
  byProvider: Counted<string>[];
  cashRefunded: CashRefunded[];
  cashByKind: CashRefundedBy<ProductType | null>[];
  cashByProvider: CashRefundedBy<string>[];
  overridesByAgent: AgentOverrides[];
  overrideCost: CashRefundedBy<string>[];
  requestToDecision: { cases: number; medianMs: number | null; p90Ms: number | null };
}

// Every query walks decisions_decided over [from, to) (migration 007) and reaches a case by its
// primary key; the filters narrow what the walk keeps, so nothing reads every decision.
function rangeSql(range: PeriodRange): { where: string; params: (string | number)[] } {
  // Decisions waiting for a lead's approval, or refused by one, do not count (team mode).
  const where = ['d.decided_at >= ?', 'd.decided_at < ?', `NOT ${uncounted('d')}`];
  const params: (string | number)[] = [range.from, range.to];
  if (range.kinds !== undefined && range.kinds.length > 0) {
    where.push(`c.product_type IN (${range.kinds.map(() => '?').join(', ')})`);
    params.push(...range.kinds);
  }
  if (range.provider !== undefined) {
    // The unary + keeps SQLite off cases_provider_status_deadline: a provider's cases over all
    // time can be far more than the period's decisions, which is the walk meant here.
    where.push('+c.provider = ?');
    params.push(range.provider);
  }
  if (range.agent !== undefined) {
    where.push('d.agent = ?');
    params.push(range.agent);
  }
  return { where: where.join(' AND '), params };
}

// A case counts by its latest decision in the period: no later one that counts before `to`.
const LATEST_IN_PERIOD = `NOT EXISTS (SELECT 1 FROM decisions later
  WHERE later.case_id = d.case_id AND later.id > d.id AND later.decided_at < ? AND NOT ${uncounted('later')})`;

const CASH = cashSql('d');

interface GroupRow {
  outcome: Outcome;
  kind: ProductType | null;
  provider: string;
  currency: string;
  n: number;
  granted: number;
  cash: number | null;
}

function add<K>(map: Map<K, number>, key: K, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

const counted = <K>(map: Map<K, number>): Counted<K>[] =>
  [...map]
    .map(([key, n]) => ({ key, n }))
    .sort((a, b) => b.n - a.n || String(a.key).localeCompare(String(b.key)));

interface Statement {
  sql: string;
  params: (string | number)[];
}

type Walk = 'groups' | 'overrideCounts' | 'overrideCost' | 'newestOverrides' | 'delays';

/**
 * The range walks of a period: the groups, the overrides counted by agent, one agent's newest
 * overrides (its agent and how many are the last two parameters), the delays.
 */
function statements(range: PeriodRange): Record<Walk, Statement> {
  const { where, params } = rangeSql(range);
  const from = `FROM decisions d JOIN cases c ON c.id = d.case_id WHERE ${where}`;
  const delay = `(d.decided_at - CAST(strftime('%s', json_extract(d.decision, '$.requestedAt')) AS INTEGER) * 1000)`;
  // decisions_overrides (migration 012) holds only the overrides, by time: a walk of the
  // period's overrides, never of its decisions.
  const overrides = `FROM decisions d INDEXED BY decisions_overrides JOIN cases c ON c.id = d.case_id
    WHERE ${where} AND d.override_justification IS NOT NULL`;
  return {
    groups: {
      sql: `SELECT d.recorded_outcome AS outcome, c.product_type AS kind, c.provider AS provider,
          json_extract(d.decision, '$.currency') AS currency, count(*) AS n,
          sum(d.recorded_outcome IN ${REFUNDING_OUTCOMES_SQL}) AS granted, sum(${CASH}) AS cash
        ${from} AND ${LATEST_IN_PERIOD}
        GROUP BY 1, 2, 3, 4`,
      params: [...params, range.to],
    },
    overrideCounts: {
      sql: `SELECT d.agent AS key, count(*) AS n ${overrides} GROUP BY d.agent ORDER BY n DESC, d.agent`,
      params,
    },
    // What the overrides moved: the cash recorded less the rules' own (none while they need facts).
    overrideCost: {
      sql: `SELECT d.agent AS key, json_extract(d.decision, '$.currency') AS currency, count(*) AS cases,
          sum(${recordedAmountSql('d')} - coalesce(json_extract(d.decision, '$.refundAmount'), 0)) AS amount
        ${overrides} GROUP BY 1, 2 ORDER BY 2, 4 DESC, 1`,
      params,
    },
    // Newest first from the index's end, stopping at the limit: the JSON and the reason are
    // read for the listed rows only.
    newestOverrides: {
      sql: `SELECT d.case_id AS id, d.agent, d.decided_at AS at, json_extract(d.decision, '$.outcome') AS rulesGave,
          d.recorded_outcome AS recorded, d.override_justification AS reason
        ${overrides} AND d.agent = ? ORDER BY d.decided_at DESC, d.id DESC LIMIT ?`,
      params: [...params, '', OVERRIDES_LISTED_PER_AGENT],
    },
    // Median and p90 by rank in SQLite: no list of delays in JavaScript.
    delays: {
      sql: `WITH delays AS MATERIALIZED (SELECT ${delay} AS ms ${from} AND ${LATEST_IN_PERIOD}
          AND json_extract(d.decision, '$.requestedAtAssumed') = 0)
        SELECT (SELECT count(*) FROM delays) AS n,
          (SELECT ms FROM delays ORDER BY ms LIMIT 1 OFFSET (SELECT (count(*) - 1) / 2 FROM delays)) AS median,
          (SELECT ms FROM delays ORDER BY ms LIMIT 1 OFFSET (SELECT (count(*) * 9 - 1) / 10 FROM delays)) AS p90`,
      params: [...params, range.to],
    },
  };
}

/** SQLite's plan for each walk (EXPLAIN QUERY PLAN), for the tests and the benchmark. */
export function periodPlans(store: CaseStore, range: PeriodRange): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(statements(range)).map(([name, { sql, params }]) => [
      name,
      (store.sql(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
        (row) => row.detail,
      ),
    ]),
  );
}

/**
 * The span of per-day figures (store/day-figures.ts) that answers a period, or null when the
 * period does not start and end on policy-zone midnights or filters by what the days do not
 * keep (the agent of the decision; the provider, which the delays are not kept by).
 */
export function daySpanFor(range: PeriodRange): DaySpan | null {
  if (range.agent !== undefined || range.provider !== undefined) return null;
  const span = daySpanOf(range.from, range.to);
  return span === null ? null : { ...span, kinds: range.kinds };
}

/**
 * The period's figures: from the per-day figures when they can answer it, else in indexed
 * range walks over its decisions. The overrides are always walked (the per-day counts know
 * neither a waiting approval nor the case's kind and provider): counted by agent, and each
 * agent's newest `listed` read in full.
 */
export function periodAggregates(
  store: CaseStore,
  range: PeriodRange,
  span: DaySpan | null = daySpanFor(range),
  listed = OVERRIDES_LISTED_PER_AGENT,
): PeriodAggregates {
  const walks = statements(range);
  const groups =
    span === null
      ? (store.sql(walks.groups.sql).all(...walks.groups.params) as GroupRow[])
      : dayGroups(store, span);
  const requestToDecision = span === null ? walkedDelays(store, walks.delays) : dayDelays(store, span);
  return {
    ...groupFigures(groups),
    overridesByAgent: overridesByAgent(store, walks, listed),
    overrideCost: overrideCost(store, range),
    requestToDecision,
  };
}

/**
 * The overrides of a period, counted by the agent who recorded them: every override that counts
 * (none waiting for a lead's approval or refused by one), walked off decisions_overrides. The
 * period report and the dashboard both count with this, and the drill-down lists the same.
 */
export function overrideCounts(store: CaseStore, range: PeriodRange): Counted<string>[] {
  const { sql, params } = statements(range).overrideCounts;
  return store.sql(sql).all(...params) as Counted<string>[];
}

/** The cash the period's overrides moved, by agent and currency: over the same overrides. */
export function overrideCost(store: CaseStore, range: PeriodRange): CashRefundedBy<string>[] {
  const { sql, params } = statements(range).overrideCost;
  return (store.sql(sql).all(...params) as CashRefundedBy<string>[]).map(
    ({ key, currency, amount, cases }) => ({
      key,
      currency,
      amount,
      cases,
    }),
  );
}

function overridesByAgent(
  store: CaseStore,
  walks: Record<Walk, Statement>,
  listed: number,
): AgentOverrides[] {
  const counts = store.sql(walks.overrideCounts.sql).all(...walks.overrideCounts.params) as Counted<string>[];
  const newest = walks.newestOverrides;
  const params = newest.params.slice(0, -2);
  return counts.map(({ key: agent, n }) => {
    const rows = store.sql(newest.sql).all(...params, agent, listed) as OverrideRowData[];
    return {
      agent,
      n,
      overrides: rows.map((row) => ({
        ref: formatRef(row.id),
        agent: row.agent,
        decidedAt: iso(row.at),
        rulesGave: row.rulesGave,
        recorded: row.recorded,
        reason: row.reason,
      })),
    };
  });
}

type GroupFigures = Pick<
  PeriodAggregates,
  'decidedCases' | 'byOutcome' | 'byKind' | 'byProvider' | 'cashRefunded' | 'cashByKind' | 'cashByProvider'
>;

/** Cash summed per key and currency, as rows: most cash first within a currency. */
class CashSums<K> {
  private readonly sums = new Map<string, CashRefundedBy<K>>();
  add(key: K, group: GroupRow): void {
    if (group.granted === 0) return;
    const id = JSON.stringify([key, group.currency]);
    const entry = this.sums.get(id) ?? { key, currency: group.currency, amount: 0, cases: 0 };
    entry.amount += group.cash ?? 0;
    entry.cases += group.granted;
    this.sums.set(id, entry);
  }
  rows(): CashRefundedBy<K>[] {
    return [...this.sums.values()].sort(
      (a, b) =>
        a.currency.localeCompare(b.currency) ||
        b.amount - a.amount ||
        String(a.key).localeCompare(String(b.key)),
    );
  }
}

/** The counts and the cash of a period from its groups of cases (walked, or summed from days). */
export function groupFigures(groups: readonly GroupRow[]): GroupFigures {
  const byOutcome = new Map<Outcome, number>();
  const byKind = new Map<ProductType | null, number>();
  const byProvider = new Map<string, number>();
  const cash = new CashSums<null>();
  const cashByKind = new CashSums<ProductType | null>();
  const cashByProvider = new CashSums<string>();
  let decidedCases = 0;
  for (const group of groups) {
    decidedCases += group.n;
    add(byOutcome, group.outcome, group.n);
    add(byKind, group.kind, group.n);
    add(byProvider, group.provider, group.n);
    cash.add(null, group);
    cashByKind.add(group.kind, group);
    cashByProvider.add(group.provider, group);
  }
  return {
    decidedCases,
    byOutcome: counted(byOutcome),
    byKind: counted(byKind),
    byProvider: counted(byProvider),
    cashRefunded: cash.rows().map(({ currency, amount, cases }) => ({ currency, amount, cases })),
    cashByKind: cashByKind.rows(),
    cashByProvider: cashByProvider.rows(),
  };
}

function walkedDelays(store: CaseStore, walk: Statement): PeriodAggregates['requestToDecision'] {
  const delays = store.sql(walk.sql).get(...walk.params) as DelayRow;
  return { cases: delays.n, medianMs: delays.median, p90Ms: delays.p90 };
}

interface OverrideRowData {
  id: number;
  agent: string;
  at: number;
  rulesGave: Outcome;
  recorded: Outcome;
  reason: string;
}

interface DelayRow {
  n: number;
  median: number | null;
  p90: number | null;
}

// The agent's open work: the statuses a closing window still matters to.
const OPEN_WORK = ['open', 'pending_customer'] as const;

/** Open work whose refund window closes in [now, until), soonest first (cases_status_deadline). */
export function closingSoon(store: CaseStore, now: number, until: number, limit = 100) {
  const arms = OPEN_WORK.map(
    (status) => `SELECT id, customer_name, status, window_closes_at FROM cases
      WHERE status = '${status}' AND deadline_key >= ? AND deadline_key < ?`,
  );
  const rows = store
    .sql(`${arms.join(' UNION ALL ')} ORDER BY window_closes_at, id LIMIT ?`)
    .all(now, until, now, until, limit) as {
    id: number;
    customer_name: string;
    status: ClosingCase['status'];
    window_closes_at: number;
  }[];
  const count = store
    .sql('SELECT count(*) FROM cases WHERE status = ? AND deadline_key >= ? AND deadline_key < ?')
    .pluck();
  const total = OPEN_WORK.reduce((sum, status) => sum + (count.get(status, now, until) as number), 0);
  const cases: ClosingCase[] = rows.map((row) => ({
    ref: formatRef(row.id),
    customerName: row.customer_name,
    status: row.status,
    windowClosesAt: iso(row.window_closes_at),
  }));
  return { total, cases };
}
