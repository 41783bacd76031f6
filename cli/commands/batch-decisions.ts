import { type BatchSummary, decideBatch } from '../../electron/services/batch';
import { describeProblem } from '../../shared/import';
import { CsvFileError } from '../../electron/services/csv';
import { BadInputError, UsageError } from '../errors';
import type { CliIo } from '../io';
import { amountUnit, count, progressLine } from './progress';

export interface BatchCall {
  file: string;
  out: string | undefined;
  encoding: string | undefined;
  amountUnit: string | undefined;
  excelFriendly: boolean;
  workers: string | undefined;
  io: CliIo;
}

/**
 * `decide --batch FILE`: one CSV row per order (standard output unless --out); exit 0 when
 * every row was decided, 2 when some could not be (their rows carry the error).
 */
export async function decideFile(call: BatchCall): Promise<void> {
  const unit = amountUnit(call.amountUnit);
  const workers = workerCount(call.workers);
  const progress = progressLine();
  try {
    const summary = await decideBatch({
      file: call.file,
      out: call.out ?? process.stdout,
      now: Date.now(),
      encoding: call.encoding,
      amountUnit: unit,
      excelFriendly: call.excelFriendly,
      workers,
      onProgress: (rows) => progress.show(`decide: ${count(rows)} rows`),
    });
    progress.done();
    const decided = `decided ${count(summary.decided)} of ${count(summary.rows)} rows`;
    if (summary.errorCount > 0) {
      throw new BadInputError(
        `${decided}; ${count(summary.errorCount)} could not be (see their error column)`,
      );
    }
    // One order refunds once: the same order on several rows is a file to look at again.
    if (summary.repeatedCount > 0) throw new BadInputError(`${decided}; ${repeatedText(summary)}`);
    if (summary.rows === 0) throw new BadInputError('the file has a header but no rows');
    call.io.stderr(`${decided}\n`);
  } catch (error) {
    progress.done();
    if (error instanceof CsvFileError) throw new BadInputError(describeProblem(error));
    const failed = error as NodeJS.ErrnoException;
    if (call.out !== undefined && failed.syscall === 'open' && failed.path === call.out)
      throw new BadInputError(`cannot write ${call.out}: ${failed.code ?? failed.message}`);
    throw error;
  }
}

function repeatedText({ repeated, repeatedCount }: BatchSummary): string {
  const listed = repeated.map(({ orderId, rows }) => `order id ${orderId} is on rows ${rows.join(', ')}`);
  const more = repeatedCount - repeated.length;
  return `${listed.join('; ')}${more > 0 ? `; and ${count(more)} more order ids repeat` : ''}`;
}

function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!(count <= 64)) throw new UsageError('--workers must be a whole number from 0 (none) to 64');
  return count;
}
