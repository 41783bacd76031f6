import { PRODUCT_TYPES } from '../../../shared/model/facts';
import { MINUTE_MS, type ServiceClock, type ServiceTargets } from '../../../shared/model/service-targets';
import { FIRST_REPLY_SQL } from '../core';

// SQL twins of runningClocks/nextDue in shared/model/service-targets.ts, generated from the same
// targets, so the queue can sort and the dashboard count by them; service-clocks.test.ts holds
// the two to the same answers.

const REQUESTED_MS = `(unixepoch(json_extract(facts, '$.requestedAt')) * 1000)`;
const RUNS = `status IN ('open', 'pending_customer') AND json_extract(facts, '$.requestedAt') IS NOT NULL
  AND product_type IS NOT NULL`;

/** SQL: a clock's target for the row's kind, in milliseconds (targets are validated integers). */
const targetMs = (targets: ServiceTargets, clock: ServiceClock) =>
  `(CASE product_type ${PRODUCT_TYPES.map((kind) => `WHEN '${kind}' THEN ${targets[kind][clock] * MINUTE_MS}`).join(' ')} END)`;

/** SQL: the instant a clock is due, or NULL where it does not run (shared runningClocks). */
export function clockDueSql(targets: ServiceTargets, clock: ServiceClock): string {
  const stopped = clock === 'firstResponse' ? ` AND ${FIRST_REPLY_SQL} IS NULL` : '';
  return `(CASE WHEN ${RUNS}${stopped} THEN ${REQUESTED_MS} + ${targetMs(targets, clock)} END)`;
}

/** SQL: the instant the next clock is due, or NULL with none running (shared nextDue). */
export function nextDueSql(targets: ServiceTargets): string {
  const first = clockDueSql(targets, 'firstResponse');
  const resolution = clockDueSql(targets, 'resolution');
  return `coalesce(min(${first}, ${resolution}), ${resolution})`;
}
