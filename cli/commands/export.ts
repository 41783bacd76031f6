import { runExport } from '../../electron/services/export';
import { InvalidInputError } from '../../electron/store';
import { EXPORT_FORMATS, type ExportFilter, type ExportFormat } from '../../shared/model/export';
import { parseArgs, stringFlag, UsageError, type ParsedArgs } from '../args';
import { EXIT, type CliIo } from '../io';
import { count, progressLine } from './progress';
import { allowFlags, CommandFailure, withStore } from './with-store';

const VALUE_FLAGS = [
  'db',
  'format',
  'out',
  'from',
  'to',
  'dates',
  'outcome',
  'kind',
  'status',
  'provider',
  'assignee',
];

const list = (parsed: ParsedArgs, name: string) =>
  stringFlag(parsed, name)
    ?.split(',')
    .map((item) => item.trim());

/** The filter flags as the export service takes them; the service checks the values. */
function filterOf(parsed: ParsedArgs): ExportFilter {
  const dates = stringFlag(parsed, 'dates');
  if (dates !== undefined && dates !== 'created' && dates !== 'decided') {
    throw new UsageError('--dates must be created or decided');
  }
  return {
    from: stringFlag(parsed, 'from'),
    to: stringFlag(parsed, 'to'),
    dates,
    outcome: list(parsed, 'outcome') as ExportFilter['outcome'],
    kind: list(parsed, 'kind') as ExportFilter['kind'],
    status: list(parsed, 'status') as ExportFilter['status'],
    provider: stringFlag(parsed, 'provider'),
    assignee: stringFlag(parsed, 'assignee'),
  };
}

/**
 * `refund-console [--db PATH] export --format csv|json|xlsx [--out FILE] [--excel-friendly]
 * [--from ISO] [--to ISO] [--dates created|decided] [--outcome O[,O]] [--kind K[,K]]
 * [--status S[,S]] [--provider P] [--assignee A]`: to standard output unless --out.
 */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, VALUE_FLAGS);
  allowFlags(parsed, [...VALUE_FLAGS, 'excel-friendly']);
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  const format = stringFlag(parsed, 'format') ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError('--format must be csv, json or xlsx');
  const out = stringFlag(parsed, 'out');
  if (format === 'xlsx' && out === undefined) throw new UsageError('--format xlsx needs --out FILE');
  const filter = filterOf(parsed);
  return withStore('export', parsed, io, async ({ store }) => {
    const progress = progressLine(io);
    try {
      const { rows } = await runExport(store, {
        format: format as ExportFormat,
        filter,
        out: out ?? process.stdout,
        excelFriendly: parsed.flags.has('excel-friendly'),
        onProgress: (done) => progress.show(`export: ${count(done)} cases`),
      });
      progress.done();
      if (out !== undefined) io.stderr(`exported ${count(rows)} cases to ${out}\n`);
      return EXIT.ok;
    } catch (error) {
      progress.done();
      if (error instanceof InvalidInputError) throw new CommandFailure(EXIT.badInput, error.message);
      throw error;
    }
  });
}
