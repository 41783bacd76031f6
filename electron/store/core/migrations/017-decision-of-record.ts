import type { Migration } from './types';

/**
 * The decision of record, counted once:
 * - An override carries the cash it refunds (minor units of the decision's currency): an agent
 *   who overrides a refusal to a refund may refund less than the cash paid. NULL for a decision
 *   that is no override and for an override recorded before this column, which keeps counting
 *   what it counted (the rules' amount, or the cash paid when the rules refused).
 * - The per-day figures leave out a decision waiting for a lead's approval or refused by one,
 *   as the period report, the exports and the queue do; new triggers move a case's figures when
 *   its approval request is filed or answered. The figures are counted again from the decisions.
 *
 * The SQL is the day's, copied from store/day-figures.ts: a migration never changes once released.
 */
const ADD_COLUMN = `
ALTER TABLE decisions ADD COLUMN override_amount INTEGER CHECK (override_amount >= 0);
DROP TRIGGER decision_days_on_decision;
DROP TRIGGER decision_days_on_case_move;
DELETE FROM decision_days;
DELETE FROM delay_days;
DELETE FROM override_days;
`;

const COUNT_AGAIN = `
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
    FROM decisions e WHERE true AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted')
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;
    INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), +1
    FROM decisions e WHERE true AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted') AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO override_days (day, agent, n)
      SELECT ((decided_at + 28800000) / 86400000), agent, count(*) FROM decisions
      WHERE override_justification IS NOT NULL GROUP BY 1, 2;
`;

// One statement each, exactly as store/figures/day-figures.ts wrote them that day.
const TRIGGERS = [
  `
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
    INSERT INTO override_days (day, agent, n)
      SELECT ((NEW.decided_at + 28800000) / 86400000), NEW.agent, 1 WHERE NEW.override_justification IS NOT NULL
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
`,
  `
CREATE TRIGGER decision_days_on_case_move AFTER UPDATE OF product_type, provider ON cases
    WHEN OLD.product_type IS NOT NEW.product_type OR OLD.provider IS NOT NEW.provider BEGIN
    INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce(OLD.product_type, ''), OLD.provider,
      coalesce(json_extract(e.decision, '$.currency'), ''), -1,
      -(e.recorded_outcome IN ('eligible', 'conditional')), -coalesce(CASE
  WHEN e.override_amount IS NOT NULL THEN e.override_amount
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.case_id = NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted')
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), coalesce(OLD.product_type, ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), -1
    FROM decisions e WHERE e.case_id = NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted') AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce(NEW.product_type, ''), NEW.provider,
      coalesce(json_extract(e.decision, '$.currency'), ''), +1,
      +(e.recorded_outcome IN ('eligible', 'conditional')), +coalesce(CASE
  WHEN e.override_amount IS NOT NULL THEN e.override_amount
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.case_id = NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted')
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), coalesce(NEW.product_type, ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), +1
    FROM decisions e WHERE e.case_id = NEW.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted') AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  END;
`,
  `
CREATE TRIGGER decision_days_before_approval_request BEFORE INSERT ON approval_requests BEGIN INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (SELECT c.provider FROM cases c WHERE c.id = e.case_id),
      coalesce(json_extract(e.decision, '$.currency'), ''), -1,
      -(e.recorded_outcome IN ('eligible', 'conditional')), -coalesce(CASE
  WHEN e.override_amount IS NOT NULL THEN e.override_amount
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.case_id = NEW.case_id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted')
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), -1
    FROM decisions e WHERE e.case_id = NEW.case_id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted') AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n; END;
`,
  `
CREATE TRIGGER decision_days_after_approval_request AFTER INSERT ON approval_requests BEGIN INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
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
    FROM decisions e WHERE e.case_id = NEW.case_id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted')
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), +1
    FROM decisions e WHERE e.case_id = NEW.case_id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted') AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n; END;
`,
  `
CREATE TRIGGER decision_days_before_approval_answer BEFORE UPDATE OF state ON approval_requests WHEN OLD.state IS NOT NEW.state BEGIN INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), e.recorded_outcome, coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (SELECT c.provider FROM cases c WHERE c.id = e.case_id),
      coalesce(json_extract(e.decision, '$.currency'), ''), -1,
      -(e.recorded_outcome IN ('eligible', 'conditional')), -coalesce(CASE
  WHEN e.override_amount IS NOT NULL THEN e.override_amount
  WHEN e.recorded_outcome NOT IN ('eligible', 'conditional') THEN 0
  WHEN json_extract(e.decision, '$.outcome') IN ('eligible', 'conditional')
    THEN json_extract(e.decision, '$.refundAmount')
  ELSE max(0, json_extract(e.facts, '$.orderAmount') - coalesce(json_extract(e.facts, '$.voucherAmount'), 0))
END, 0)
    FROM decisions e WHERE e.case_id = NEW.case_id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted')
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), -1
    FROM decisions e WHERE e.case_id = NEW.case_id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted') AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n; END;
`,
  `
CREATE TRIGGER decision_days_after_approval_answer AFTER UPDATE OF state ON approval_requests WHEN OLD.state IS NOT NEW.state BEGIN INSERT INTO decision_days (day, superseded_day, outcome, kind, provider, currency, n, granted, cash)
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
    FROM decisions e WHERE e.case_id = NEW.case_id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted')
    ON CONFLICT DO UPDATE SET n = n + excluded.n, granted = granted + excluded.granted,
      cash = cash + excluded.cash;INSERT INTO delay_days (day, superseded_day, kind, bucket, n)
    SELECT ((e.decided_at + 28800000) / 86400000), coalesce((((SELECT min(x.decided_at) FROM decisions x WHERE x.case_id = e.case_id
    AND x.id > e.id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = x.id AND r.state <> 'granted')) + 28800000) / 86400000), 2147483647), coalesce((SELECT c.product_type FROM cases c WHERE c.id = e.case_id), ''), (CASE WHEN (e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) < 1000 THEN 0
  ELSE 1 + CAST(floor(ln((e.decided_at - CAST(strftime('%s', json_extract(e.decision, '$.requestedAt')) AS INTEGER) * 1000) / 1000.0) / ln(1.05)) AS INTEGER) END), +1
    FROM decisions e WHERE e.case_id = NEW.case_id AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.decision_id = e.id AND r.state <> 'granted') AND json_extract(e.decision, '$.requestedAtAssumed') = 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n; END;
`,
];

const decisionOfRecord: Migration = {
  version: 17,
  name: 'decision-of-record',
  up(db) {
    db.exec(ADD_COLUMN);
    db.exec(COUNT_AGAIN);
    for (const trigger of TRIGGERS) db.exec(trigger);
  },
};

export default decisionOfRecord;
