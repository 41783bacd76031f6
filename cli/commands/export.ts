import { runExport } from '../../electron/services/export';
import { InvalidInputError } from '../../electron/store';
import { EXPORT_FORMATS, type ExportFilter, type ExportFormat } from '../../shared/model/export';
import { defineCommand } from '../command';
import { BadInputError, UsageError } from '../errors';
import { count, progressLine } from './progress';
import { language } from './language';
import { withStore } from './with-store';

const list = (value: string | undefined) => value?.split(',').map((item) => item.trim());

/** CSV and JSON go to standard output without --out; XLSX needs --out. */
export default defineCommand({
  args: '',
  arity: [0, 0],
  summary: 'Write cases with their latest decision as CSV, JSON or XLSX (docs/data-io.md).',
  options: {
    format: { type: 'string', value: 'csv|json|xlsx', help: 'the file format (default csv)' },
    out: { type: 'string', value: 'FILE', help: 'the file to write (default: standard output)' },
    'excel-friendly': {
      type: 'boolean',
      help: 'CSV for Excel: a UTF-8 byte order mark, long ids kept as text, amounts in yuan',
    },
    lang: { type: 'string', value: 'en|zh', help: 'XLSX: headers in this language (default: column names)' },
    from: { type: 'string', value: 'ISO', help: 'from this instant (inclusive)' },
    to: { type: 'string', value: 'ISO', help: 'until this instant (exclusive)' },
    dates: { type: 'string', value: 'decided|created', help: 'what --from/--to bound (default decided)' },
    outcome: { type: 'string', value: 'O[,O]', help: 'latest outcomes' },
    kind: { type: 'string', value: 'K[,K]', help: 'product kinds' },
    status: { type: 'string', value: 'S[,S]', help: 'case statuses' },
    provider: { type: 'string', value: 'NAME', help: 'one provider' },
    assignee: { type: 'string', value: 'NAME', help: 'one assignee' },
    'decided-by': {
      type: 'string',
      value: 'NAME',
      help: 'with a decision by this agent (within --from/--to)',
    },
    overridden: { type: 'boolean', help: 'with an overridden decision (within --from/--to)' },
  },
  usesStore: true,
  run: ({ options, db, newStore, io }) => {
    const format = options.format ?? 'csv';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format))
      throw new UsageError('--format must be csv, json or xlsx');
    if (format === 'xlsx' && options.out === undefined)
      throw new UsageError('--format xlsx needs --out FILE');
    if (options.dates !== undefined && options.dates !== 'created' && options.dates !== 'decided') {
      throw new UsageError('--dates must be decided or created');
    }
    const filter: ExportFilter = {
      from: options.from,
      to: options.to,
      dates: options.dates,
      outcome: list(options.outcome) as ExportFilter['outcome'],
      kind: list(options.kind) as ExportFilter['kind'],
      status: list(options.status) as ExportFilter['status'],
      provider: options.provider,
      assignee: options.assignee,
      decidedBy: options['decided-by'],
      ...(options.overridden === true ? { overridden: true } : {}),
    };
    return withStore({ db, newStore }, async ({ store }) => {
      const progress = progressLine();
      try {
        const { rows } = await runExport(store, {
          format: format as ExportFormat,
          filter,
          out: options.out ?? process.stdout,
          excelFriendly: options['excel-friendly'] === true,
          ...(options.lang !== undefined && { language: language(options.lang) }),
          onProgress: (done) => progress.show(`export: ${count(done)} cases`),
        });
        progress.done();
        if (options.out !== undefined) io.stderr(`exported ${count(rows)} cases to ${options.out}\n`);
      } catch (error) {
        progress.done();
        if (error instanceof InvalidInputError) throw new BadInputError(error.message);
        throw error;
      }
    });
  },
});
