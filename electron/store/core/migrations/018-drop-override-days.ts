import type { Migration } from './types';

/**
 * Overrides are counted in one place: a walk of a period's overrides (decisions_overrides,
 * store/figures/period.ts), which the period report, the dashboard and the drill-downs share
 * and which leaves out an override waiting for a lead's approval. The per-day override counts
 * knew no approval and nothing reads them any more: the table goes, and the decision trigger
 * is written again without it.
 *
 * The SQL is the day's, copied from store/figures/day-figures.ts: a migration never changes
 * once released.
 */
const TRIGGER = `
CREATE TRIGGER decision_days_on_decision AFTER INSERT ON decisions BEGIN
    INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (SELECT c.provider FROM cases c WHERE c.id = e.case_id),
      coalesce(json_extract(e.decision, '$.currency'), ''), -1,
      -(e.recorded_outcome IN ('eligible', 'conditional')), -coalesce(CASE
  WHEN e.override_amount IS NOT NULL THEN e.override_amount
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.case_id = NEW.case_id AND e.id < NEW.id AND coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647) > ((NEW.decided_at + 28800000) / 86400000) AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted')
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), -1
    FROM decisions e WHERE e.case_id = NEW.case_id AND e.id < NEW.id AND coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647) > ((NEW.decided_at + 28800000) / 86400000) AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted') AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), ((NEW.decided_at + 28800000) / 86400000), e.recorded_outcome, coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (SELECT c.provider FROM cases c WHERE c.id = e.case_id),
      coalesce(json_extract(e.decision, '$.currency'), ''), +1,
      +(e.recorded_outcome IN ('eligible', 'conditional')), +coalesce(CASE
  WHEN e.override_amount IS NOT NULL THEN e.override_amount
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.case_id = NEW.case_id AND e.id < NEW.id AND coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647) > ((NEW.decided_at + 28800000) / 86400000) AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted')
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), ((NEW.decided_at + 28800000) / 86400000), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), +1
    FROM decisions e WHERE e.case_id = NEW.case_id AND e.id < NEW.id AND coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND x.id < NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647) > ((NEW.decided_at + 28800000) / 86400000) AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted') AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (SELECT c.provider FROM cases c WHERE c.id = e.case_id),
      coalesce(json_extract(e.decision, '$.currency'), ''), +1,
      +(e.recorded_outcome IN ('eligible', 'conditional')), +coalesce(CASE
  WHEN e.override_amount IS NOT NULL THEN e.override_amount
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.id = NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted')
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), +1
    FROM decisions e WHERE e.id = NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted') AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  END;`;

const dropOverrideDays: Migration = {
  version: 18,
  name: 'drop-override-days',
  up(db) {
    db.exec('DROP TRIGGER decision_days_on_decision;');
    db.exec(TRIGGER);
    db.exec('DROP TABLE override_days;');
  },
};

export default dropOverrideDays;
