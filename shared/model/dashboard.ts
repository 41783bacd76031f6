import { z } from 'zod';
import { OUTCOMES } from './decision';
import { PRODUCT_TYPES } from './facts';
import { cashBy, CashRefundedSchema } from './period';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date, YYYY-MM-DD' });

/** The lead's dashboard reads whole days of the policy zone (UTC+8), `from` to `to` inclusive. */
export const DashboardQuerySchema = z
  .strictObject({
    from: day,
    to: day,
    /** How many days ahead "windows closing soon" looks, from the start of today. */
    closingDays: z.number().int().min(1).max(30).default(7),
  })
  .refine((query) => query.from <= query.to, {
    error: 'to: the period must not end before it starts',
    path: ['to'],
  })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 3660 * 86_400_000, {
    error: 'to: a period is at most ten years',
    path: ['to'],
  });
export type DashboardQuery = z.input<typeof DashboardQuerySchema>;
export type ParsedDashboardQuery = z.output<typeof DashboardQuerySchema>;

const counted = <K extends z.ZodType>(key: K) => z.array(z.object({ key, n: z.number().int() }));

/**
 * The figures of the period, as the period report counts them (a case once, by its latest
 * decision in the period; every override), with the instants a drill-down into the queue uses.
 */
export const DashboardFiguresSchema = z.object({
  query: z.object({ from: day, to: day, closingDays: z.number().int() }),
  /** The period as instants: decided at or after `since`, before `before` (ISO). */
  since: z.string(),
  before: z.string(),
  decidedCases: z.number().int(),
  byOutcome: counted(z.enum(OUTCOMES)),
  byKind: counted(z.enum(PRODUCT_TYPES).nullable()),
  byProvider: counted(z.string()),
  cashRefunded: z.array(CashRefundedSchema),
  cashByKind: cashBy(z.enum(PRODUCT_TYPES).nullable()),
  cashByProvider: cashBy(z.string()),
  overridesByAgent: counted(z.string()),
  /** The cash the overrides moved, by agent and currency: recorded less the rules' amount. */
  overrideCost: cashBy(z.string()),
  /** Milliseconds, each within 2.5% of the exact figure (a histogram in 5% buckets). */
  requestToDecision: z.object({
    cases: z.number().int(),
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
  }),
  /** Open work whose window closes on each of the next days (from now), per policy-zone day. */
  closing: z.object({
    total: z.number().int(),
    byDay: z.array(z.object({ day, from: z.string(), to: z.string(), n: z.number().int() })),
  }),
  /** Open work whose service clock is breached now, per clock (shared/model/service-targets.ts). */
  breaches: z.object({ firstResponse: z.number().int(), resolution: z.number().int() }),
});
export type DashboardFigures = z.output<typeof DashboardFiguresSchema>;
