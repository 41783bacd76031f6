import { z } from 'zod';
import { OUTCOMES } from './decision';

/**
 * Four-eyes approval in team mode. A decision that needs a lead's approval is recorded but
 * does not count while it waits: the case keeps the outcome, status and deadline it had
 * before, nothing is replied or closed on it, and reports and exports leave it out of the
 * figures. A grant makes it count; a refusal leaves the case to be decided again.
 */
export const APPROVAL_STATES = ['waiting', 'granted', 'refused'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const ApprovalAnswerSchema = z.object({
  granted: z.boolean(),
  lead: z.string(),
  reason: z.string().nullable(),
  answeredAt: z.string(),
});
export type ApprovalAnswer = z.infer<typeof ApprovalAnswerSchema>;

export const DecisionApprovalSchema = z.object({
  state: z.enum(APPROVAL_STATES),
  /** The request's team-wide name (decision ids differ from desktop to desktop). */
  key: z.string(),
  /** Why it waits: an override, a refund above the team's threshold (in minor units), or both. */
  override: z.boolean(),
  threshold: z.number().int().nullable(),
  requestedAt: z.string(),
  answers: z.array(ApprovalAnswerSchema),
});
export type DecisionApproval = z.infer<typeof DecisionApprovalSchema>;

/** One decision in the lead's approvals queue. */
export const ApprovalItemSchema = z.object({
  ref: z.string(),
  decisionId: z.number().int(),
  customerName: z.string(),
  /** Who made the decision: never the lead who answers it. */
  agent: z.string(),
  decidedAt: z.string(),
  rulesOutcome: z.enum(OUTCOMES),
  recordedOutcome: z.enum(OUTCOMES),
  /** What the recorded outcome refunds, in minor units (null when the rules cannot say yet). */
  refundAmount: z.number().int().nullable(),
  currency: z.string(),
  overrideJustification: z.string().nullable(),
  approval: DecisionApprovalSchema,
});
export type ApprovalItem = z.infer<typeof ApprovalItemSchema>;

/** The team's approval thresholds: a refund above the amount (minor units) of its currency waits. */
export const ApprovalThresholdsSchema = z.record(
  z.string().regex(/^[A-Z]{3}$/),
  z.number().int().nonnegative(),
);
export type ApprovalThresholds = z.infer<typeof ApprovalThresholdsSchema>;

/** Whether a decision counts: one with no request, or one a lead granted. */
export const counts = (approval: DecisionApproval | null | undefined): boolean =>
  approval === null || approval === undefined || approval.state === 'granted';
