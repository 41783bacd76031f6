import { decide, RULE_BOOK } from '../../../shared/policy';
import type { CaseStore } from '../core/store';

/**
 * Records a decision on the case as an earlier release did: judged by the first reading (v1)
 * at `at` (ms), with no revision field. The case's status is left as it is.
 */
export function recordAsFirstReading(store: CaseStore, ref: string, facts: object, at: number): void {
  const { policyRevision: _none, ...decision } = decide(facts as never, {
    now: at,
    policy: RULE_BOOK.revision('v1'),
  });
  store
    .sql(
      `INSERT INTO decisions (case_id, recorded_outcome, decision, facts, agent, decided_at)
       VALUES (?, ?, ?, ?, 'ann', 0)`,
    )
    .run(Number(ref.slice(3)), decision.outcome, JSON.stringify(decision), JSON.stringify(facts));
}
