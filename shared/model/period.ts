import { z } from 'zod';
import { CASE_STATUSES } from './case';
import { OUTCOMES } from './decision';
import { PRODUCT_TYPES } from './facts';

/** Which decisions a period report covers: recorded from `from` (inclusive) to `to` (exclusive). */
export const PeriodQuerySchema = z.strictObject({
  from: z.string({ error: 'must be an ISO 8601 date-time with a UTC offset' }),
  to: z.string({ error: 'must be an ISO 8601 date-time with a UTC offset' }),
  kind: z.array(z.enum(PRODUCT_TYPES)).optional(),
  provider: z.string().trim().min(1).optional(),
  agent: z.string().trim().min(1).optional(),
  /** How many days ahead "windows closing soon" looks, from the report's own time. */
  closingDays: z.number().int().min(1).max(90).default(7),
  /** Judge the period's cases again under the newest revision (a decide() per case). */
  replay: z.boolean().default(true),
});
export type PeriodQuery = z.input<typeof PeriodQuerySchema>;
export type ParsedPeriodQuery = z.output<typeof PeriodQuerySchema>;

const outcome = z.enum(OUTCOMES);
const counted = <K extends z.ZodType>(key: K) => z.array(z.object({ key, n: z.number().int() }));
export interface Counted<K> {
  key: K;
  n: number;
}

export const CashRefundedSchema = z.object({
  currency: z.string(),
  /** Minor units refunded by the cases granted a refund (eligible or conditional). */
  amount: z.number().int(),
  cases: z.number().int(),
});
export type CashRefunded = z.infer<typeof CashRefundedSchema>;

/** The cash refunded per group (a product kind, a provider) and currency; no row for no refund. */
export const cashBy = <K extends z.ZodType>(key: K) => z.array(CashRefundedSchema.extend({ key }));
export type CashRefundedBy<K> = CashRefunded & { key: K };

const OverrideRowSchema = z.object({
  ref: z.string(),
  agent: z.string(),
  decidedAt: z.string(),
  /** What the rules gave, and what the agent recorded instead. */
  rulesGave: outcome,
  recorded: outcome,
  reason: z.string(),
});
export type OverrideRow = z.infer<typeof OverrideRowSchema>;

/**
 * The overrides a period report lists per agent, newest first; the rest are counted. Twenty
 * rows with their reasons fill about one printed page per agent, which is enough to see how an
 * agent overrides lately; a long period (the bench's 90 days held 24,736 overrides, 6.4 MB of
 * HTML) cannot be read row by row, so the rest are reached through the queue's "overrides by
 * AGENT" drill-down of the period or the export (`--decided-by AGENT --overridden`).
 */
export const OVERRIDES_LISTED_PER_AGENT = 20;

const AgentOverridesSchema = z.object({
  agent: z.string(),
  /** Every override of the agent in the period. */
  n: z.number().int(),
  /** The newest of them (OVERRIDES_LISTED_PER_AGENT at most), newest first. */
  overrides: z.array(OverrideRowSchema),
});
export type AgentOverrides = z.infer<typeof AgentOverridesSchema>;

const ClosingCaseSchema = z.object({
  ref: z.string(),
  customerName: z.string(),
  status: z.enum(CASE_STATUSES),
  windowClosesAt: z.string(),
});
export type ClosingCase = z.infer<typeof ClosingCaseSchema>;

const gist = z.object({ outcome, refundAmount: z.number().int().nullable(), revision: z.string() });
const ChangedCaseSchema = z.object({ ref: z.string(), before: gist, after: gist, currency: z.string() });
export type ChangedCase = z.infer<typeof ChangedCaseSchema>;

/**
 * A period's figures, the same for the HTML, the PDF, the JSON and the dashboard. A case
 * counts once, by its latest decision recorded in the period; overrides count every one.
 */
export const PeriodFiguresSchema = z.object({
  query: PeriodQuerySchema,
  /** When the figures were read (ISO). */
  at: z.string(),
  decidedCases: z.number().int(),
  byOutcome: counted(outcome),
  byKind: counted(z.enum(PRODUCT_TYPES).nullable()),
  byProvider: counted(z.string()),
  cashRefunded: z.array(CashRefundedSchema),
  cashByKind: cashBy(z.enum(PRODUCT_TYPES).nullable()),
  cashByProvider: cashBy(z.string()),
  /** By agent, most overrides first. */
  overridesByAgent: z.array(AgentOverridesSchema),
  /** The cash the overrides moved, by agent and currency: recorded less the rules' amount. */
  overrideCost: cashBy(z.string()),
  /** Milliseconds from the customer's request to the decision; null in an empty period. */
  requestToDecision: z.object({
    cases: z.number().int(),
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
  }),
  closingSoon: z.object({ total: z.number().int(), cases: z.array(ClosingCaseSchema) }),
  /** Cases of the period the newest revision would decide differently, null when not asked. */
  newerRevision: z
    .object({ revision: z.string(), total: z.number().int(), cases: z.array(ChangedCaseSchema) })
    .nullable(),
});
export type PeriodFigures = z.output<typeof PeriodFiguresSchema>;

/** The papers a report prints on. */
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];
