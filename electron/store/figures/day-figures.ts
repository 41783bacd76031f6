import { REFUNDING_OUTCOMES_SQL } from '../../../shared/model/decision';
import { uncounted } from '../cases';

/**
 * The lead's figures per policy-zone day (UTC+8), kept beside the decisions by triggers so
 * every writer (a recorded decision, a team event, a case edit that moves a case to another
 * kind or provider) keeps them in its own transaction without knowing they exist. Bulk
 * imports add cases without decisions, so they touch nothing here and keep their speed.
 *
 * A period counts a case once, by its latest decision in the period (store/period.ts). That
 * is not a sum of days unless each day's figures also say until when each decision stayed the
 * case's latest: `superseded_day` is the day of the case's first later decision (by id), or
 * NEVER. A period of whole days [F, T) then sums the rows with F <= day < T and
 * superseded_day >= T, which is exactly "no later decision before the period's end".
 */

const DAY_MS = 86_400_000;
const ZONE_OFFSET_MS = 8 * 3_600_000;
/** The superseded_day of a case's latest decision. */
export const NEVER = 2_147_483_647;

/** The policy-zone day number of an instant, as the triggers compute it. */
export const dayOf = (ms: number) => Math.floor((ms + ZONE_OFFSET_MS) / DAY_MS);
/** The instant a policy-zone day starts. */
export const dayStart = (day: number) => day * DAY_MS - ZONE_OFFSET_MS;

const daySql = (instant: string) => `((${instant} + ${ZONE_OFFSET_MS}) / ${DAY_MS})`;

/**
 * Request-to-decision delays are kept as a histogram per day in buckets growing by 5%: bucket
 * 0 holds delays under a second (and the odd negative one, a request dated after its
 * decision); bucket b >= 1 holds [1.05^(b-1), 1.05^b) seconds. A median or p90 read from it is
 * the bucket's geometric middle, within 2.5% of the exact figure (a second for bucket 0);
 * a year of delays fits in about 330 buckets.
 */
export const DELAY_GROWTH = 1.05;
export const delayOfBucket = (bucket: number) =>
  bucket === 0 ? 0 : Math.round(1000 * DELAY_GROWTH ** (bucket - 0.5));

const delayMs = (e: string) =>
  `(${e}.decided_at - CAST(strftime('%s', json_extract(${e}.decision, '$.requestedAt')) AS INTEGER) * 1000)`;
const bucketSql = (e: string) => `(CASE WHEN ${delayMs(e)} < 1000 THEN 0
  ELSE 1 + CAST(floor(ln(${delayMs(e)} / 1000.0) / ln(${DELAY_GROWTH})) AS INTEGER) END)`;

// The cash a decision refunds: the same rule as recordedAmount() in shared/policy/recorded.ts.
// An override recorded before overrides kept an amount (override_amount NULL) refunds what
// that release counted: the rules' amount, or the cash paid when the rules refused.
export const cashSql = (d: string) => `CASE
  WHEN ${d}.override_amount IS NOT NULL THEN ${d}.override_amount
  WHEN ${d}.recorded_outcome NOT IN ${REFUNDING_OUTCOMES_SQL} THEN 0
  WHEN json_extract(${d}.decision, '$.outcome') IN ${REFUNDING_OUTCOMES_SQL}
    THEN json_extract(${d}.decision, '$.refundAmount')
  ELSE max(0, json_extract(${d}.facts, '$.orderAmount') - coalesce(json_extract(${d}.facts, '$.voucherAmount'), 0))
END`;

/**
 * The cash a decision records, as recordedAmount() gives it: the rules' own amount (null while
 * they need facts) unless overridden.
 */
export const recordedAmountSql = (d: string) =>
  `CASE WHEN ${d}.override_justification IS NULL THEN json_extract(${d}.decision, '$.refundAmount') ELSE ${cashSql(d)} END`;

/**
 * The day a decision stopped being its case's latest that counts; `before` bounds the later ids
 * looked at. A decision waiting for a lead's approval, or refused by one, counts nowhere
 * (shared/model/approval.ts): it neither contributes nor supersedes.
 */
const supersededSql = (e: string, before?: string) =>
  `coalesce(${daySql(`(SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = ${e}.case_id
    AND x.id > ${e}.id${before === undefined ? '' : ` AND x.id < ${before}`} AND NOT ${uncounted('x')})`)}, ${NEVER})`;

export const TABLES_SQL = `
CREATE TABLE decision_days (
  day INTEGER NOT NULL,
  superseded_day INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  kind TEXT NOT NULL,
  provider TEXT NOT NULL,
  currency TEXT NOT NULL,
  n INTEGER NOT NULL,
  granted INTEGER NOT NULL,
  cash INTEGER NOT NULL,
  PRIMARY KEY (day, superseded_day, outcome, kind, provider, currency)
) WITHOUT ROWID;
CREATE TABLE delay_days (
  day INTEGER NOT NULL,
  superseded_day INTEGER NOT NULL,
  kind TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day, superseded_day, kind, bucket)
) WITHOUT ROWID;
`;

interface Contribution {
  /** The decisions (alias e) that contribute, as a WHERE condition. */
  where: string;
  superseded: string;
  kind: string;
  provider: string;
  sign: '+' | '-';
}

const caseColumn = (column: string) => `(SELECT c.${column} FROM cases c WHERE c.id = e.case_id)`;

// `WHERE true` before ON CONFLICT: SQLite's parser needs it to tell the upsert from a join.
function addDecisions(c: Contribution, table = 'decision_days'): string {
  return `INSERT INTO ${table} (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ${daySql('e.decided_at')}, ${c.superseded}, e.recorded_outcome, coalesce(${c.kind}, ''), ${c.provider},
      coalesce(json_extract(e.decision, '$.currency'), ''), ${c.sign}1,
      ${c.sign}(e.recorded_outcome IN ${REFUNDING_OUTCOMES_SQL}), ${c.sign}coalesce(${cashSql('e')}, 0)
    FROM decisions e WHERE ${c.where} AND NOT ${uncounted('e')}
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;`;
}

function addDelays(c: Contribution, table = 'delay_days'): string {
  return `INSERT INTO ${table} (day, superseded_day, kind, bucket, n)
    SELECT ${daySql('e.decided_at')}, ${c.superseded}, coalesce(${c.kind}, ''), ${bucketSql('e')}, ${c.sign}1
    FROM decisions e WHERE ${c.where} AND NOT ${uncounted('e')} AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;`;
}

const both = (c: Contribution) => addDecisions(c) + addDelays(c);

/**
 * A new decision counts on its day; each earlier decision of its case whose superseded_day
 * it moves earlier (usually just the previous latest) moves to the new day.
 */
const ON_DECISION = (() => {
  const kind = caseColumn('product_type');
  const provider = caseColumn('provider');
  const earlier = `e.case_id = NEW.case_id AND e.id < NEW.id AND ${supersededSql('e', 'NEW.id')} > ${daySql('NEW.decided_at')}`;
  return `CREATE TRIGGER decision_days_on_decision AFTER INSERT ON decisions BEGIN
    ${both({ where: earlier, superseded: supersededSql('e', 'NEW.id'), kind, provider, sign: '-' })}
    ${both({ where: earlier, superseded: daySql('NEW.decided_at'), kind, provider, sign: '+' })}
    ${both({ where: 'e.id = NEW.id', superseded: supersededSql('e'), kind, provider, sign: '+' })}
  END;`;
})();

/** A case moved to another kind or provider takes its decisions' figures along. */
const ON_CASE_MOVE = (() => {
  const where = 'e.case_id = NEW.id';
  const superseded = supersededSql('e');
  return `CREATE TRIGGER decision_days_on_case_move AFTER UPDATE OF product_type, provider ON cases
    WHEN OLD.product_type IS NOT NEW.product_type OR OLD.provider IS NOT NEW.provider BEGIN
    ${both({ where, superseded, kind: 'OLD.product_type', provider: 'OLD.provider', sign: '-' })}
    ${both({ where, superseded, kind: 'NEW.product_type', provider: 'NEW.provider', sign: '+' })}
  END;`;
})();

/**
 * A decision starts or stops counting when its approval request is filed or answered: the
 * case's figures are taken out before and put back after, by the state then in force.
 */
const ON_APPROVAL = (() => {
  const c = {
    where: 'e.case_id = NEW.case_id',
    superseded: supersededSql('e'),
    kind: caseColumn('product_type'),
    provider: caseColumn('provider'),
  };
  const around = (name: string, event: string) => [
    `CREATE TRIGGER decision_days_before_${name} BEFORE ${event} BEGIN ${both({ ...c, sign: '-' })} END;`,
    `CREATE TRIGGER decision_days_after_${name} AFTER ${event} BEGIN ${both({ ...c, sign: '+' })} END;`,
  ];
  return [
    ...around('approval_request', 'INSERT ON approval_requests'),
    ...around('approval_answer', 'UPDATE OF state ON approval_requests WHEN OLD.state IS NOT NEW.state'),
  ];
})();

/** One statement each. */
export const TRIGGERS_SQL = [ON_DECISION, ON_CASE_MOVE, ...ON_APPROVAL];

/** Every figure computed again from the decisions, into `prefix`decision_days and so on. */
export function rebuildSql(prefix = ''): string {
  const all: Contribution = {
    where: 'true',
    superseded: supersededSql('e'),
    kind: caseColumn('product_type'),
    provider: caseColumn('provider'),
    sign: '+',
  };
  return `${addDecisions(all, `${prefix}decision_days`)}
    ${addDelays(all, `${prefix}delay_days`)}`;
}

/** The tables' keys, to compare a rebuild with the live rows (zero rows are left by moves). */
export const FIGURE_TABLES = {
  decision_days: 'day, superseded_day, outcome, kind, provider, currency, n, granted, cash',
  delay_days: 'day, superseded_day, kind, bucket, n',
} as const;
