import { z } from 'zod';
import type { CASE_STATUSES } from './case';
import type { Outcome } from './decision';
import { PRODUCT_TYPES, type ProductType } from './facts';

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

export interface Counted<K> {
  key: K;
  n: number;
}

export interface CashRefunded {
  currency: string;
  /** Minor units refunded by the cases granted a refund (eligible or conditional). */
  amount: number;
  cases: number;
}

export interface OverrideRow {
  ref: string;
  agent: string;
  decidedAt: string;
  /** What the rules gave, and what the agent recorded instead. */
  rulesGave: Outcome;
  recorded: Outcome;
  reason: string;
}

export interface ClosingCase {
  ref: string;
  customerName: string;
  status: (typeof CASE_STATUSES)[number];
  windowClosesAt: string;
}

export interface ChangedCase {
  ref: string;
  before: { outcome: Outcome; refundAmount: number | null; revision: string };
  after: { outcome: Outcome; refundAmount: number | null; revision: string };
  currency: string;
}

/**
 * A period's figures, the same for the HTML, the PDF, the JSON and the dashboard. A case
 * counts once, by its latest decision recorded in the period; overrides count every one.
 */
export interface PeriodFigures {
  query: ParsedPeriodQuery;
  /** When the figures were read (ISO). */
  at: string;
  decidedCases: number;
  byOutcome: Counted<Outcome>[];
  byKind: Counted<ProductType | null>[];
  byProvider: Counted<string>[];
  cashRefunded: CashRefunded[];
  overridesByAgent: { agent: string; n: number; overrides: OverrideRow[] }[];
  /** Milliseconds from the customer's request to the decision; null in an empty period. */
  requestToDecision: { cases: number; medianMs: number | null; p90Ms: number | null };
  closingSoon: { total: number; cases: ClosingCase[] };
  /** Cases of the period the newest revision would decide differently, null when not asked. */
  newerRevision: { revision: string; total: number; cases: ChangedCase[] } | null;
}
