import { runImport } from '../../electron/services/import';
import { currentAgent } from '../../electron/store';
import { describeGroup, describeProblem } from '../../shared/import';
import { POLICY_UTC_OFFSET } from '../../shared/policy';
import { unskippedErrors, type ImportSummary } from '../../shared/model/import';
import { defineCommand } from '../command';
import { BadInputError, CliError, UsageError } from '../errors';
import { json } from '../io';
import { amountUnit, assumeOffset, count, progressLine } from './progress';
import { withStore } from './with-store';

/** Ended by Ctrl-C: nothing written (128 + SIGINT, as shells report it). */
const EXIT_CANCELLED = 130;

/**
 * Prints a JSON summary on stdout; exit 0 when every row was taken (or skipped on request),
 * 2 when bad rows stopped it (nothing written), 130 when cancelled (nothing written).
 */
export default defineCommand({
  args: 'FILE',
  arity: [1, 1],
  summary: 'Open cases from a CSV file of orders (docs/data-io.md); prints a JSON summary.',
  options: {
    encoding: { type: 'string', value: 'NAME', help: 'utf8, gb18030, utf16le… (default: detected)' },
    'amount-unit': {
      type: 'string',
      value: 'yuan|fen',
      help: 'the unit of amounts whose header does not say',
    },
    'assume-offset': {
      type: 'string',
      value: 'OFFSET',
      help: `the UTC offset of times written without one (e.g. ${POLICY_UTC_OFFSET}, the policy zone's)`,
    },
    'skip-bad-rows': { type: 'boolean', help: 'import the good rows, report the bad ones' },
    rejects: { type: 'string', value: 'FILE', help: 'save the skipped rows as CSV (with --skip-bad-rows)' },
    'dry-run': { type: 'boolean', help: 'check everything, write nothing' },
    agent: { type: 'string', value: 'NAME', help: 'who the audit names (default: the configured agent)' },
  },
  usesStore: true,
  run: ({ positionals: [file], options, db, newStore, io }) => {
    if (file === '-') throw new UsageError('import reads a file, not standard input');
    const unit = amountUnit(options['amount-unit']);
    const offset = assumeOffset(options['assume-offset']);
    const skipBadRows = options['skip-bad-rows'] === true;
    if (options.rejects !== undefined && !skipBadRows)
      throw new UsageError('--rejects needs --skip-bad-rows');
    const dryRun = options['dry-run'] === true;
    return withStore({ db, newStore }, async ({ store }) => {
      const progress = progressLine();
      const cancel = new AbortController();
      const onSignal = () => cancel.abort();
      process.once('SIGINT', onSignal);
      let summary: ImportSummary;
      try {
        summary = await runImport(store, {
          file: file!,
          actor: options.agent ?? cliActor(currentAgent(store)),
          encoding: options.encoding,
          amountUnit: unit,
          ...(offset !== undefined && { assumeOffset: offset }),
          skipBadRows,
          rejectsFile: options.rejects,
          dryRun,
          signal: cancel.signal,
          onProgress: ({ rows, bytesRead, size, rowsPerSecond }) =>
            progress.show(
              `import: ${count(rows)} rows, ${Math.floor((100 * bytesRead) / size)}%, ${count(rowsPerSecond)} rows/s`,
            ),
        });
      } finally {
        process.off('SIGINT', onSignal);
        progress.done();
      }
      io.stdout(json(report(summary, dryRun)));
      for (const group of summary.errorGroups) io.stderr(`refund-console import: ${describeGroup(group)}\n`);
      if (summary.cancelled) throw new CliError(EXIT_CANCELLED, 'cancelled; nothing was written');
      // An error that is not a skipped row is the file's (one csv-parse cannot read): it ends
      // the import, skipping bad rows or not.
      if (unskippedErrors(summary) > 0) {
        throw new BadInputError(
          skipBadRows
            ? `${describeProblem(summary.errors.at(-1)!)}; nothing was written`
            : `${count(summary.errorCount)} bad rows; nothing was written`,
        );
      }
      if (summary.added === 0 && summary.duplicates > 0) {
        io.stderr(
          `refund-console import: nothing added: all ${count(summary.duplicates)} orders are already in the store\n`,
        );
      }
    });
  },
});

const cliActor = (agent: string) => (agent === 'unknown' ? 'cli' : agent);

function report(summary: ImportSummary, dryRun: boolean) {
  return {
    added: summary.added,
    duplicates: summary.duplicates,
    skipped: summary.skipped,
    errors: summary.errors.map(({ row, column, message }) => ({ row, column, message })),
    ...(summary.errorCount > summary.errors.length ? { errorCount: summary.errorCount } : {}),
    errorGroups: summary.errorGroups,
    dryRun,
    firstRef: summary.firstRef,
    lastRef: summary.lastRef,
    encoding: summary.encoding,
    sha256: summary.sha256,
    ignoredColumns: summary.ignoredColumns,
  };
}
