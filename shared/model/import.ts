import { z } from 'zod';
import { NewCaseSchema } from './case';

export const AMOUNT_UNITS = ['yuan', 'fen'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

/** A problem found in an order file: its row as a spreadsheet numbers it, and its column. */
export const RowProblemSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});

/**
 * Problems of one kind in one column (or whole rows alike): how many, their rows as ranges
 * (the first few), and the first one's message, so that 5,000 rows alike read as one line.
 */
export const ProblemGroupSchema = z.object({
  column: z.string().nullable(),
  message: z.string(),
  count: z.number().int(),
  rows: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type ProblemGroup = z.infer<typeof ProblemGroupSchema>;

/** What an import did, or on a preview would do. */
export const ImportSummarySchema = z.object({
  added: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(RowProblemSchema),
  errorCount: z.number().int(),
  errorGroups: z.array(ProblemGroupSchema),
  rows: z.number().int(),
  /** Rows with no text (blank lines, or separators alone, as Excel writes them): skipped, not errors. */
  emptyRows: z.number().int(),
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

/**
 * Errors that were not skipped rows: any bad row when bad rows are not skipped, and always a
 * file that cannot be read to its end (a double quote never closed): such an import writes nothing.
 */
export const unskippedErrors = (summary: Pick<ImportSummary, 'errorCount' | 'skipped'>): number =>
  summary.errorCount - summary.skipped;

export const IMPORT_JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;

/**
 * An import running in the background, as its progress is polled. `summary` is there once it
 * has ended (done or cancelled: a cancelled import wrote nothing); `problem` when it failed.
 */
export const ImportJobSchema = z.object({
  job: z.string(),
  state: z.enum(IMPORT_JOB_STATES),
  rows: z.number().int(),
  bytesRead: z.number().int(),
  size: z.number().int(),
  rowsPerSecond: z.number(),
  summary: ImportSummarySchema.nullable(),
  problem: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

/** A column mapping kept by name, so the next file from the same source is read alike. */
export const ImportMappingSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(80),
  /** The file's header → a canonical column, or null to ignore it. */
  columns: z.record(z.string().max(200), z.string().max(80).nullable()),
  amountUnit: z.enum(AMOUNT_UNITS).nullable(),
});
export type ImportMapping = z.infer<typeof ImportMappingSchema>;
