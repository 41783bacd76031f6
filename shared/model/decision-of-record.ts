import { z } from 'zod';
import { APPROVAL_STATES } from './approval';
import { ACTION_IDS, CLAUSE_IDS } from './clause-ids';
import { OUTCOMES } from './decision';

/**
 * The decision of record: what a recorded decision says the customer gets, the one value every
 * surface shows (decision screen, case view, history, queue, reply, reports, dashboard,
 * exports, approvals). Without an override it is the rules' answer; with one it is the
 * agent's outcome and amount, the rules' own answer kept beside it. Derived from a stored
 * DecisionRecord by `decisionOfRecord` (shared/policy/recorded.ts) and by the store's SQL,
 * which reads the same columns by the same rule (electron/store/figures/day-figures.ts cashSql).
 */
export const DecisionOfRecordSchema = z.object({
  decisionId: z.number().int(),
  outcome: z.enum(OUTCOMES),
  /** Minor units of `currency`; null only while the rules cannot say yet (needs info). */
  refundAmount: z.number().int().nonnegative().nullable(),
  currency: z.string(),
  clauses: z.array(z.enum(CLAUSE_IDS)),
  actions: z.array(z.enum(ACTION_IDS)),
  /** What the rules answered when it was recorded, overridden or not. */
  rules: z.object({
    outcome: z.enum(OUTCOMES),
    refundAmount: z.number().int().nonnegative().nullable(),
  }),
  override: z
    .object({
      outcome: z.enum(OUTCOMES),
      amount: z.number().int().nonnegative(),
      reason: z.string(),
      who: z.string(),
      /** The lead's answer in a team; null when none was asked. */
      approval: z.enum(APPROVAL_STATES).nullable(),
    })
    .nullable(),
  policyVersion: z.string(),
  policyRevision: z.string(),
  decidedAt: z.string(),
  /** A fact it read has changed since: it no longer speaks for the case as it stands. */
  stale: z.boolean(),
});
export type DecisionOfRecord = z.infer<typeof DecisionOfRecordSchema>;
