import { z } from 'zod';
import { NewCaseSchema } from './case';

export const AMOUNT_UNITS = ['yuan', 'fen'] as const;

/** A problem found in an order file: its row as a spreadsheet numbers it, and its column. */
export const RowProblemSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});

/** What an import did, or on a preview would do. */
export const ImportSummarySchema = z.object({
  added: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(RowProblemSchema),
  errorCount: z.number().int(),
  rows: z.number().int(),
  committed: z.boolean(),
  cancelled: z.boolean(),
  encoding: z.string().nullable(),
  sha256: z.string().nullable(),
  firstRef: z.string().nullable(),
  lastRef: z.string().nullable(),
  mapping: z.array(
    z.object({ header: z.string(), column: z.string().nullable(), unit: z.enum(AMOUNT_UNITS).nullable() }),
  ),
  ignoredColumns: z.array(z.string()),
  preview: z.array(NewCaseSchema),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;
