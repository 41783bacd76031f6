import { z } from 'zod';
import { APPROVAL_STATES, ApprovalItemSchema, ApprovalThresholdsSchema } from '../model/approval';
import { CaseChangeSchema, CaseRefSchema } from '../model/case';
import { REASON_MIN } from '../model/reasons';
import { agentName, method } from './method';

/**
 * Four-eyes approval in team mode (shared/model/approval.ts): the lead's queue and a lead's
 * answer. Spread into the API table in contract.ts.
 */
export const approvalsApi = {
  /**
   * Whether this store is in a team, who it signs in as (learnt at its last sync; null before
   * one) and the team's thresholds, with the decisions in one approval state: waiting (oldest
   * first) or answered (newest first).
   */
  'approvals.list': method(
    z.strictObject({ state: z.enum(APPROVAL_STATES).default('waiting') }),
    z.object({
      team: z.boolean(),
      member: z.object({ name: z.string(), role: z.enum(['agent', 'lead']) }).nullable(),
      thresholds: ApprovalThresholdsSchema,
      items: z.array(ApprovalItemSchema),
    }),
  ),
  /** A lead grants or refuses (with a reason) one waiting decision; never one of their own. */
  'approvals.answer': method(
    z
      .strictObject({
        ref: CaseRefSchema,
        revision: z.number().int().min(1),
        decisionId: z.number().int().min(1),
        grant: z.boolean(),
        reason: z.string().trim().max(2000).optional(),
        agent: agentName,
      })
      .refine((answer) => answer.grant || (answer.reason ?? '').length >= REASON_MIN.refusal, {
        error: 'a refusal needs a reason',
        path: ['reason'],
      }),
    CaseChangeSchema,
  ),
} as const;
