import type { Migration } from './types';

// Frozen: the SQL below is what figures/day-figures.ts generated when this migration was
// written, copied as text, so a later change to the live figures code cannot change what an
// old store gets here (a change to them is a new migration).

const TABLES = `
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
CREATE TABLE override_days (
  day INTEGER NOT NULL,
  agent TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day, agent)
) WITHOUT ROWID;
`;

/** Counts the decisions recorded before this version. */
const REBUILD = `INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (SELECT c.provider FROM cases c WHERE c.id = e.case_id),
      coalesce(json_extract(e.decision, '$.currency'), ''), +1,
      +(e.recorded_outcome IN ('eligible', 'conditional')), +coalesce(CASE
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE true
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;
    INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id) + 28800000) / 86400000), 2147483647), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), +1
    FROM decisions e WHERE true AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO override_days (day, agent, n)
      SELECT ((decided_at + 28800000) / 86400000), agent, count(*) FROM decisions
      WHERE override_justification IS NOT NULL GROUP BY 1, 2;`;

const TRIGGERS = [
  `CREATE TRIGGER decision_days_on_decision AFTER INSERT ON decisions BEGIN
    INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (SELECT c.provider FROM cases c WHERE c.id = e.case_id),
      coalesce(json_extract(e.decision, '$.currency'), ''), -1,
      -(e.recorded_outcome IN ('eligible', 'conditional')), -coalesce(CASE
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.case_id = NEW.case_id AND e.id < NEW.id AND coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id) + 28800000) / 86400000), 2147483647) > ((NEW.decided_at + 28800000) / 86400000)
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id) + 28800000) / 86400000), 2147483647), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), -1
    FROM decisions e WHERE e.case_id = NEW.case_id AND e.id < NEW.id AND coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id) + 28800000) / 86400000), 2147483647) > ((NEW.decided_at + 28800000) / 86400000) AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), ((NEW.decided_at + 28800000) / 86400000), e.recorded_outcome, coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (SELECT c.provider FROM cases c WHERE c.id = e.case_id),
      coalesce(json_extract(e.decision, '$.currency'), ''), +1,
      +(e.recorded_outcome IN ('eligible', 'conditional')), +coalesce(CASE
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.case_id = NEW.case_id AND e.id < NEW.id AND coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id) + 28800000) / 86400000), 2147483647) > ((NEW.decided_at + 28800000) / 86400000)
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), ((NEW.decided_at + 28800000) / 86400000), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), +1
    FROM decisions e WHERE e.case_id = NEW.case_id AND e.id < NEW.id AND coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id) + 28800000) / 86400000), 2147483647) > ((NEW.decided_at + 28800000) / 86400000) AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (SELECT c.provider FROM cases c WHERE c.id = e.case_id),
      coalesce(json_extract(e.decision, '$.currency'), ''), +1,
      +(e.recorded_outcome IN ('eligible', 'conditional')), +coalesce(CASE
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.id = NEW.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id) + 28800000) / 86400000), 2147483647), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), +1
    FROM decisions e WHERE e.id = NEW.id AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO override_days (day, agent, n)
      SELECT ((NEW.decided_at + 28800000) / 86400000), NEW.agent, 1 WHERE NEW.override_justification IS NOT NULL
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;`,
  `CREATE TRIGGER decision_days_on_case_move AFTER UPDATE OF product_type, provider ON cases
    WHEN OLD.product_type IS NOT NEW.product_type OR OLD.provider IS NOT NEW.provider BEGIN
    INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce(OLD.product_type, ''), OLD.provider,
      coalesce(json_extract(e.decision, '$.currency'), ''), -1,
      -(e.recorded_outcome IN ('eligible', 'conditional')), -coalesce(CASE
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.case_id = NEW.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id) + 28800000) / 86400000), 2147483647), coalesce(OLD.product_type, ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), -1
    FROM decisions e WHERE e.case_id = NEW.id AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce(NEW.product_type, ''), NEW.provider,
      coalesce(json_extract(e.decision, '$.currency'), ''), +1,
      +(e.recorded_outcome IN ('eligible', 'conditional')), +coalesce(CASE
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.case_id = NEW.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id) + 28800000) / 86400000), 2147483647), coalesce(NEW.product_type, ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), +1
    FROM decisions e WHERE e.case_id = NEW.id AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  END;`,
];

/**
 * The lead's dashboard reads a period's figures from per-day aggregates (store/day-figures.ts)
 * instead of walking every decision of the period; the triggers keep them on every write and
 * the decisions recorded so far are counted here. Two indexes serve the queue's drill-down
 * from the dashboard: the cases an agent decided, and the ones they overrode, in a period.
 */
const dayFigures: Migration = {
  version: 12,
  name: 'day-figures',
  up(db) {
    db.exec(TABLES);
    db.exec(REBUILD);
    for (const trigger of TRIGGERS) db.exec(trigger);
    db.exec(`
      CREATE INDEX decisions_agent ON decisions (agent, decided_at, case_id);
      CREATE INDEX decisions_overrides ON decisions (decided_at, agent, case_id)
        WHERE override_justification IS NOT NULL;`);
  },
};

export default dayFigures;
