import { decideBatch } from '../../electron/services/batch';
import { CsvFileError } from '../../electron/services/csv';
import { parseArgs, stringFlag, UsageError } from '../args';
import { EXIT, type CliIo } from '../io';
import { count, progressLine } from './progress';

const VALUE_FLAGS = ['batch', 'out', 'encoding', 'amount-unit'];

/**
 * `refund-console decide --batch FILE [--out FILE] [--encoding E] [--amount-unit yuan|fen]`:
 * one CSV row per order (standard output unless --out); exit 0 when every row was decided,
 * 2 when some could not be (their rows carry the error).
 */
export async function decideBatchCommand(args: string[], io: CliIo, now = Date.now()): Promise<number> {
  const parsed = parseArgs(args, VALUE_FLAGS);
  const unknown = [...parsed.flags.keys()].find((name) => !VALUE_FLAGS.includes(name));
  if (unknown !== undefined) throw new UsageError(`unknown option --${unknown} with --batch`);
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  const file = stringFlag(parsed, 'batch')!;
  const amountUnit = stringFlag(parsed, 'amount-unit');
  if (amountUnit !== undefined && amountUnit !== 'yuan' && amountUnit !== 'fen') {
    throw new UsageError('--amount-unit must be yuan or fen');
  }
  const out = stringFlag(parsed, 'out');
  const progress = progressLine(io);
  try {
    const summary = await decideBatch({
      file,
      out: out ?? process.stdout,
      now,
      encoding: stringFlag(parsed, 'encoding'),
      amountUnit,
      onProgress: (rows) => progress.show(`decide: ${count(rows)} rows`),
    });
    progress.done();
    const failed = summary.errorCount;
    io.stderr(
      `decided ${count(summary.decided)} of ${count(summary.rows)} rows${failed > 0 ? `; ${count(failed)} could not be decided (see their error column)` : ''}\n`,
    );
    return failed === 0 && summary.rows > 0 ? EXIT.ok : EXIT.badInput;
  } catch (error) {
    progress.done();
    if (!(error instanceof CsvFileError)) throw error;
    io.stderr(`refund-console decide: row ${error.row}: ${error.message}\n`);
    return EXIT.badInput;
  }
}
