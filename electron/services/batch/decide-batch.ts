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
import { CsvFile, CsvFileError, csvCell, csvLine, LineBlocks, type CsvRecord } from '../csv';

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
const BLOCK_BYTES = 256 * 1024;

/** One input row decided: its output line, and its problem when it could not be decided. */
function decideRow(
  record: CsvRecord,
  mapping: Mapping,
  orderId: string,
  now: number,
): { line: string; problem: RowProblem | null } {
  const read = readRow(record.cells, record.row, mapping, 'facts');
  let problem = read.ok ? null : read.problem;
  if (read.ok) {
    try {
      const d = decide(read.value as Facts, { now });
      // Only the order id comes from the file: every other cell is the rules' own vocabulary
      // (outcomes, ISO codes and instants, clause ids), which needs no quotes and starts no formula.
      const line =
        `${record.row},${csvCell(orderId, true)},${d.outcome},${d.refundAmount ?? ''},${d.currency},` +
        `${d.clauses.join(';')},${d.missing.join(';')},${d.windowClosesAt ?? ''},${d.policyVersion},\r\n`;
      return { line, problem: null };
    } catch (error) {
      if (!(error instanceof InvalidFactsError)) throw error;
      const column = headerOfField(mapping, `facts.${error.field}`);
      problem = { row: record.row, column, message: column === null ? error.message : error.problem };
    }
  }
  const message = problem!.column === null ? problem!.message : `${problem!.column}: ${problem!.message}`;
  return {
    line: csvLine([record.row, orderId, null, null, null, null, null, null, null, message], true),
    problem,
  };
}

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
  const lines = new LineBlocks(BLOCK_BYTES);
  lines.add(csvLine(BATCH_COLUMNS, true));
  const write = async (block: Buffer) => {
    if (!out.write(block)) await once(out, 'drain');
  };
  let mapping: Mapping | null = null;
  let orderIdAt = -1;
  for await (const records of file.batches({ hash: false })) {
    for (const record of records) {
      if (mapping === null) {
        const detected = detectMapping(record.cells, { amountUnit: options.amountUnit });
        if (!detected.ok) throw new CsvFileError(detected.message);
        mapping = detected.mapping;
        orderIdAt = mapping.columns.find((mapped) => mapped.column?.id === 'orderId')?.index ?? -1;
        continue;
      }
      summary.rows++;
      const { line, problem } = decideRow(record, mapping, record.cells[orderIdAt] ?? '', options.now);
      const full = lines.add(line);
      if (full !== null) await write(full);
      if (problem === null) summary.decided++;
      else if (++summary.errorCount <= MAX_REPORTED_ERRORS) summary.errors.push(problem);
    }
    options.onProgress?.(summary.rows);
  }
  if (mapping === null) throw new CsvFileError('the file has no header row');
  out.write(lines.take());
  if (typeof options.out === 'string') {
    out.end();
    await once(out, 'close');
  }
  return summary;
}
