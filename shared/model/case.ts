import { z } from 'zod';
import { DecisionApprovalSchema } from './approval';
import { DecisionSchema, OUTCOMES } from './decision';
import { FactsSchema, PRODUCT_TYPES } from './facts';
import { PROBLEMS } from './plausibility';

export const CASE_STATUSES = ['open', 'pending_customer', 'decided', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1, { error: PROBLEMS.empty }).max(max);

export const CustomerSchema = z.strictObject({
  name: text(200),
  accountId: text(100),
  contact: z.string().trim().max(200).optional(),
});

/** What an agent (or an import) supplies to open a case. */
export const NewCaseSchema = z.strictObject({
  customer: CustomerSchema,
  orderId: text(100),
  productName: text(200),
  provider: text(200),
  facts: FactsSchema,
  assignee: z.string().trim().max(100).optional(),
});
export type NewCase = z.infer<typeof NewCaseSchema>;

/**
 * The case's own fields an agent may correct after opening it (facts are changed apart).
 * An empty contact clears it; the others must stay filled.
 */
export const CaseFieldsSchema = z
  .strictObject({
    customerName: text(200).optional(),
    accountId: text(100).optional(),
    contact: z.string().trim().max(200).optional(),
    orderId: text(100).optional(),
    productName: text(200).optional(),
    provider: text(200).optional(),
  })
  .refine((fields) => Object.keys(fields).length > 0, { error: 'name at least one field to change' });
export type CaseFields = z.infer<typeof CaseFieldsSchema>;
export type CaseField = keyof CaseFields;

/** A case ref as agents read it aloud: RC-000123. */
export const CaseRefSchema = z.string().regex(/^RC-\d{6,}$/, { error: 'must look like RC-000123' });

/** One row of the queue. */
export const CaseSummarySchema = z.object({
  ref: CaseRefSchema,
  customerName: z.string(),
  accountId: z.string(),
  orderId: z.string(),
  productName: z.string(),
  provider: z.string(),
  productType: z.enum(PRODUCT_TYPES).nullable(),
  status: z.enum(CASE_STATUSES),
  assignee: z.string().nullable(),
  latestOutcome: z.enum(OUTCOMES).nullable(),
  windowClosesAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A decision of the case waits for a lead's approval (team mode); absent means none does. */
  waitingApproval: z.boolean().optional(),
  /** The decision of record no longer reads the case's facts (a fact changed since); absent: not. */
  stale: z.boolean().optional(),
  /** Counts every change to the case; a write names the revision it was made on. */
  revision: z.number().int().min(1),
  /** The order amount in minor units and its currency, when the facts know them. */
  orderAmount: z.number().int().nullable(),
  currency: z.string().nullable(),
  /** The request time from the facts, and the first reply marked sent: the service clocks' inputs. */
  requestedAt: z.string().nullable(),
  firstReplyAt: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

/** A stored decision: immutable; a re-decision is a new one. */
export const DecisionRecordSchema = z.object({
  id: z.number().int(),
  caseRef: CaseRefSchema,
  decision: DecisionSchema,
  /** The outcome recorded, which differs from decision.outcome only for an override. */
  recordedOutcome: z.enum(OUTCOMES),
  /**
   * The agent's override: why, and the cash it refunds in minor units of the decision's currency
   * (0 for a refusal or needs-info). `amount` is null only for an override recorded before
   * overrides kept one; it then refunds what that release counted (shared/policy/recorded.ts).
   */
  override: z
    .object({ justification: z.string(), amount: z.number().int().nonnegative().nullable() })
    .nullable(),
  facts: FactsSchema,
  agent: z.string(),
  note: z.string().nullable(),
  decidedAt: z.string(),
  /** Team mode's four-eyes request, when the decision needed one; absent or null: it counts. */
  approval: DecisionApprovalSchema.nullable().optional(),
});
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

export const NoteSchema = z.object({
  id: z.number().int(),
  author: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  caseRef: CaseRefSchema.nullable(),
  action: z.string(),
  actor: z.string(),
  at: z.string(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const CaseDetailSchema = z.object({
  summary: CaseSummarySchema,
  customer: CustomerSchema,
  provider: z.string(),
  facts: FactsSchema,
  decisions: z.array(DecisionRecordSchema),
  notes: z.array(NoteSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/**
 * What every change to a case answers: the case as it now stands and the audit rows the change
 * appended, so a screen shows the store's truth without asking again.
 */
export const CaseChangeSchema = z.object({
  detail: CaseDetailSchema,
  audit: z.array(AuditEntrySchema),
});
export type CaseChange = z.infer<typeof CaseChangeSchema>;
