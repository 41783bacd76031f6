import { runImport } from '../../electron/services/import';
import type { ImportSummary } from '../../shared/model/import';
import { currentAgent, StoreDamagedError } from '../../electron/store';
import { parseArgs, stringFlag, UsageError } from '../args';
import { EXIT, type CliIo } from '../io';
import { count, progressLine } from './progress';
import { allowFlags, CommandFailure, withStore } from './with-store';

const FLAGS = ['encoding', 'amount-unit', 'skip-bad-rows', 'rejects', 'dry-run', 'agent'];

/**
 * `refund-console [--db PATH] import FILE [--encoding E] [--amount-unit yuan|fen]
 * [--skip-bad-rows] [--rejects FILE] [--dry-run] [--agent NAME]`: prints a JSON summary;
 * exit 0 when every row was taken (or skipped on request), 2 when bad rows stopped it.
 */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['db', 'encoding', 'amount-unit', 'rejects', 'agent']);
  allowFlags(parsed, FLAGS);
  const file = parsed.positionals[0];
  if (file === undefined || file === '-')
    throw new UsageError('missing FILE (a CSV file; standard input is not read)');
  const amountUnit = stringFlag(parsed, 'amount-unit');
  if (amountUnit !== undefined && amountUnit !== 'yuan' && amountUnit !== 'fen') {
    throw new UsageError('--amount-unit must be yuan or fen');
  }
  const rejectsFile = stringFlag(parsed, 'rejects');
  const skipBadRows = parsed.flags.has('skip-bad-rows');
  if (rejectsFile !== undefined && !skipBadRows) throw new UsageError('--rejects needs --skip-bad-rows');
  return withStore('import', parsed, io, async ({ store }) => {
    const progress = progressLine(io);
    const cancel = new AbortController();
    const onSignal = () => cancel.abort();
    process.once('SIGINT', onSignal);
    let summary: ImportSummary;
    try {
      summary = await runImport(store, {
        file,
        actor: stringFlag(parsed, 'agent') ?? cliActor(currentAgent(store)),
        encoding: stringFlag(parsed, 'encoding'),
        amountUnit,
        skipBadRows,
        rejectsFile,
        dryRun: parsed.flags.has('dry-run'),
        signal: cancel.signal,
        onProgress: ({ rows, bytesRead, size, rowsPerSecond }) =>
          progress.show(
            `import: ${count(rows)} rows, ${Math.floor((100 * bytesRead) / size)}%, ${count(rowsPerSecond)} rows/s`,
          ),
      });
    } catch (error) {
      // A store that opened damaged refuses the commit; nothing was written.
      if (error instanceof StoreDamagedError) throw new CommandFailure(EXIT.failed, error.message);
      throw error;
    } finally {
      process.off('SIGINT', onSignal);
      progress.done();
    }
    io.stdout(`${JSON.stringify(report(summary, parsed.flags.has('dry-run')), null, 2)}\n`);
    if (summary.cancelled) {
      io.stderr('refund-console import: cancelled; nothing was written\n');
      return EXIT.failed;
    }
    if (summary.errorCount > 0 && !skipBadRows) {
      io.stderr(`refund-console import: ${count(summary.errorCount)} bad rows; nothing was written\n`);
      return EXIT.badInput;
    }
    if (summary.added === 0 && summary.duplicates > 0) {
      io.stderr(
        `refund-console import: nothing added: all ${count(summary.duplicates)} orders are already in the store\n`,
      );
    }
    return EXIT.ok;
  });
}

const cliActor = (agent: string) => (agent === 'unknown' ? 'cli' : agent);

function report(summary: ImportSummary, dryRun: boolean) {
  return {
    added: summary.added,
    duplicates: summary.duplicates,
    skipped: summary.skipped,
    errors: summary.errors.map(({ row, column, message }) => ({ row, column, message })),
    ...(summary.errorCount > summary.errors.length ? { errorCount: summary.errorCount } : {}),
    dryRun,
    firstRef: summary.firstRef,
    lastRef: summary.lastRef,
    encoding: summary.encoding,
    sha256: summary.sha256,
    ignoredColumns: summary.ignoredColumns,
  };
}
