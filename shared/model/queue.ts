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
  /** Only cases whose window closes before this instant (ISO, with offset). */
  closesBefore: z.string().optional(),
  /** Only cases decided at or after this instant (ISO, with offset). */
  decidedSince: z.string().optional(),
  sort: z.enum(['deadline', 'updated']).default('deadline'),
  /** Opaque keyset cursor from the previous page. */
  after: z.string().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
/** As a caller writes it (defaults may be left out). */
export type QueueQuery = z.input<typeof QueueQuerySchema>;
/** As the store reads it, defaults applied. */
export type ParsedQueueQuery = z.output<typeof QueueQuerySchema>;
