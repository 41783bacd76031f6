import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import {
  detectMapping,
  headerOfField,
  readRow,
  type AmountUnit,
  type Mapping,
  type RowProblem,
} from '../../../shared/import';
import type { Facts } from '../../../shared/model/facts';
import { decide, InvalidFactsError } from '../../../shared/policy';
import { CsvFile, CsvFileError, csvLine } from '../csv';

export interface BatchOptions {
  file: string;
  /** A file path or an open stream (standard output). */
  out: string | Writable;
  now: number;
  encoding?: string;
  amountUnit?: AmountUnit;
  onProgress?: (rows: number) => void;
}

export interface BatchSummary {
  rows: number;
  decided: number;
  /** The first problems; `errorCount` counts them all (each is also in the output). */
  errors: RowProblem[];
  errorCount: number;
}

/** The output's columns: one row per input row, with the error when it could not be decided. */
export const BATCH_COLUMNS = [
  'row',
  'orderId',
  'outcome',
  'refundAmount',
  'currency',
  'clauses',
  'missing',
  'windowClosesAt',
  'policyVersion',
  'error',
] as const;

const MAX_REPORTED_ERRORS = 100;
const FLUSH_CHARS = 256 * 1024;

/**
 * Decides every row of an order file without a store (same header rules as the import) and
 * writes one output row per input row. readRow's values already satisfy FactsSchema (typed
 * by column), so decide() runs on them directly and its own consistency check (requestedAt
 * before paidAt and the like) is the per-row error.
 */
export async function decideBatch(options: BatchOptions): Promise<BatchSummary> {
  const summary: BatchSummary = { rows: 0, decided: 0, errors: [], errorCount: 0 };
  const file = await CsvFile.open(options.file, options.encoding);
  const out = typeof options.out === 'string' ? createWriteStream(options.out) : options.out;
  let buffer = csvLine(BATCH_COLUMNS, true);
  const flush = async () => {
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  const fail = (problem: RowProblem, orderId: string) => {
    summary.errorCount++;
    if (summary.errors.length < MAX_REPORTED_ERRORS) summary.errors.push(problem);
    const message = problem.column === null ? problem.message : `${problem.column}: ${problem.message}`;
    buffer += csvLine([problem.row, orderId, null, null, null, null, null, null, null, message], true);
  };
  let mapping: Mapping | null = null;
  let orderIdAt = -1;
  for await (const records of file.batches()) {
    for (const record of records) {
      if (mapping === null) {
        const detected = detectMapping(record.cells, { amountUnit: options.amountUnit });
        if (!detected.ok) throw new CsvFileError(detected.message);
        mapping = detected.mapping;
        orderIdAt = mapping.columns.find((mapped) => mapped.column?.id === 'orderId')?.index ?? -1;
        continue;
      }
      summary.rows++;
      const orderId = orderIdAt === -1 ? '' : (record.cells[orderIdAt] ?? '');
      const read = readRow(record.cells, record.row, mapping, 'facts');
      if (!read.ok) fail(read.problem, orderId);
      else {
        try {
          const decision = decide(read.value as Facts, { now: options.now });
          summary.decided++;
          buffer += csvLine(
            [
              record.row,
              orderId,
              decision.outcome,
              decision.refundAmount,
              decision.currency,
              decision.clauses.join(';'),
              decision.missing.join(';'),
              decision.windowClosesAt,
              decision.policyVersion,
              null,
            ],
            true,
          );
        } catch (error) {
          if (!(error instanceof InvalidFactsError)) throw error;
          const column = headerOfField(mapping, `facts.${error.field}`);
          fail(
            { row: record.row, column, message: column === null ? error.message : error.problem },
            orderId,
          );
        }
      }
    }
    if (buffer.length > FLUSH_CHARS) {
      await flush();
      options.onProgress?.(summary.rows);
    }
  }
  if (mapping === null) throw new CsvFileError('the file has no header row');
  await flush();
  if (typeof options.out === 'string') {
    out.end();
    await once(out, 'close');
  }
  return summary;
}
