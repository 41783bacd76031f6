import { z } from 'zod';
import { CASE_STATUSES } from './case';
import { OUTCOMES } from './decision';
import { PRODUCT_TYPES } from './facts';

export const EXPORT_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Which cases an export holds. `from`/`to` bound the instant named by `dates` (when the case
 * was opened, or when its latest decision was recorded), `from` inclusive, `to` exclusive.
 */
export const ExportFilterSchema = z.strictObject({
  from: z.string().optional(),
  to: z.string().optional(),
  dates: z.enum(['created', 'decided']).default('decided'),
  outcome: z.array(z.enum(OUTCOMES)).optional(),
  kind: z.array(z.enum(PRODUCT_TYPES)).optional(),
  status: z.array(z.enum(CASE_STATUSES)).optional(),
  provider: z.string().trim().min(1).optional(),
  assignee: z.string().trim().min(1).optional(),
  /**
   * Only cases whose refund window closes in [closesAfter, closesBefore): the queue's "closing"
   * view holds windows still to close, so its export must not add the long-closed ones.
   */
  closesAfter: z.string().optional(),
  closesBefore: z.string().optional(),
  /** Only cases with a decision by this agent, or an override, between `from` and `to` (the queue's drill-down). */
  decidedBy: z.string().trim().min(1).optional(),
  overridden: z.literal(true).optional(),
});
export type ExportFilter = z.input<typeof ExportFilterSchema>;
export type ParsedExportFilter = z.output<typeof ExportFilterSchema>;

/**
 * The columns of an export, in this order, in every format (docs/data-io.md says what each
 * holds). The names the import also reads mean the same there, so an export imports back.
 */
export const EXPORT_COLUMNS = [
  'ref',
  'orderId',
  'customerName',
  'accountId',
  'productName',
  'provider',
  'productType',
  'status',
  'assignee',
  'createdAt',
  'paidAt',
  'requestedAt',
  'orderAmount',
  'voucherAmount',
  'currency',
  'invoiceIssued',
  'outcome',
  'overridden',
  'refundAmount',
  'refundCurrency',
  'clauses',
  'policyVersion',
  'agent',
  'decidedAt',
  'windowClosesAt',
  'approval',
  'rulesOutcome',
  'rulesRefundAmount',
  'stale',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
