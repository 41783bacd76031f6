import { z } from 'zod';
import { CASE_STATUSES } from './case';
import { OUTCOMES } from './decision';
import { PRODUCT_TYPES } from './facts';

/** Which cases a queue page holds, in which order, from where: the store's query and the API's. */
export const QueueQuerySchema = z.strictObject({
  status: z.array(z.enum(CASE_STATUSES)).optional(),
  productType: z.array(z.enum(PRODUCT_TYPES)).optional(),
  latestOutcome: z.array(z.enum(OUTCOMES)).optional(),
  assignee: z.string().optional(),
  provider: z.string().trim().min(1).max(200).optional(),
  /** Only cases whose window closes at or after this instant (ISO, with offset). */
  closesAfter: z.string().optional(),
  /** Only cases whose window closes before this instant (ISO, with offset). */
  closesBefore: z.string().optional(),
  /** Only cases decided at or after this instant (ISO, with offset). */
  decidedSince: z.string().optional(),
  /** Only cases whose latest decision was recorded before this instant (ISO, with offset). */
  decidedBefore: z.string().optional(),
  /**
   * Only cases with a decision recorded by this agent, or overridden (by anyone, or by this
   * agent), within [decidedSince, decidedBefore) when those are given: the dashboard's drill-down.
   */
  decidedBy: z.string().trim().min(1).max(200).optional(),
  overridden: z.literal(true).optional(),
  /** The refund window closing first, the last changed first, or the service clock due first. */
  sort: z.enum(['deadline', 'updated', 'breach']).default('deadline'),
  /** Opaque keyset cursor from the previous page. */
  after: z.string().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
/** As a caller writes it (defaults may be left out). */
export type QueueQuery = z.input<typeof QueueQuerySchema>;
/** As the store reads it, defaults applied. */
export type ParsedQueueQuery = z.output<typeof QueueQuerySchema>;

/** A saved view keeps the lasting filters of a queue query; dates move, so they are not kept. */
export const ViewQuerySchema = QueueQuerySchema.pick({
  status: true,
  productType: true,
  latestOutcome: true,
  assignee: true,
  provider: true,
  decidedBy: true,
  overridden: true,
  sort: true,
});
export type ViewQuery = z.output<typeof ViewQuerySchema>;

export const SavedViewSchema = z.object({
  name: z.string(),
  query: ViewQuerySchema,
  /** How many cases the view holds now. */
  count: z.number().int(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;
