import { PAPERS, type Paper, type PrintOptions } from '../../electron/reports';
import { defineCommand, type OptionValues } from '../command';
import { UsageError } from '../errors';
import type { CliIo } from '../io';
import { language } from './language';
import { count, progressLine } from './progress';
import type { Printer } from '../../electron/print';
import {
  batchTargets,
  refsMatching,
  refsOf,
  withEarlyPrinter,
  writeCaseReports,
  type CaseFormat,
} from './report-case';
import { writePeriodReport } from './report-period';
import { withStore } from './with-store';

const OPTIONS = {
  format: {
    type: 'string',
    value: 'pdf|html|json',
    help: 'the format (default pdf; json for a period only)',
  },
  lang: { type: 'string', value: 'en|zh', help: 'the language of the report (default en)' },
  paper: { type: 'string', value: 'a4|letter', help: 'the paper size (default a4)' },
  out: { type: 'string', value: 'FILE|DIR', help: 'the file to write (a folder for --batch and --filter)' },
  force: { type: 'boolean', help: 'replace files that already exist' },
  batch: { type: 'string', value: 'REFS', help: 'many cases: refs separated by commas, or @FILE of refs' },
  filter: { type: 'boolean', help: 'many cases: every case the filter options below select' },
  from: {
    type: 'string',
    value: 'ISO',
    help: 'with --filter: decided (or --dates created) from this instant',
  },
  to: { type: 'string', value: 'ISO', help: 'with --filter: until this instant (exclusive)' },
  dates: { type: 'string', value: 'decided|created', help: 'with --filter: what --from/--to bound' },
  outcome: { type: 'string', value: 'O[,O]', help: 'with --filter: latest outcomes' },
  kind: { type: 'string', value: 'K[,K]', help: 'with --filter: product kinds' },
  status: { type: 'string', value: 'S[,S]', help: 'with --filter: case statuses' },
  provider: { type: 'string', value: 'NAME', help: 'with --filter: one provider' },
  assignee: { type: 'string', value: 'NAME', help: 'with --filter: one assignee' },
  agent: { type: 'string', value: 'NAME', help: 'period: only decisions by this agent' },
  'closing-days': {
    type: 'string',
    value: 'N',
    help: 'period: windows closing in the next N days (default 7)',
  },
  'no-replay': { type: 'boolean', help: 'period: skip judging the cases again under the newest revision' },
} as const;

type Options = OptionValues<typeof OPTIONS>;

const list = (value: string | undefined) => value?.split(',').map((item) => item.trim());

function printOptions(options: Options): PrintOptions {
  const paper = options.paper ?? 'a4';
  if (!(PAPERS as readonly string[]).includes(paper)) throw new UsageError('--paper must be a4 or letter');
  return { language: language(options.lang), paper: paper as Paper };
}

function caseFormat(format = 'pdf'): CaseFormat {
  if (format !== 'pdf' && format !== 'html') throw new UsageError('--format must be pdf or html');
  return format;
}

async function batchRefs(io: CliIo, batch: string): Promise<string[]> {
  return refsOf(batch.startsWith('@') ? await io.readInput(batch.slice(1)) : batch);
}

// Options that belong to one kind of report only: given to another, they are refused, never ignored.
const ONLY_FOR: Record<string, readonly (keyof Options)[]> = {
  'report period': ['batch', 'filter', 'dates', 'outcome', 'status', 'assignee'],
  'a case report': ['agent', 'closing-days', 'no-replay'],
  'REF or --batch (they take no filter)': [
    'from',
    'to',
    'dates',
    'outcome',
    'kind',
    'status',
    'provider',
    'assignee',
  ],
};

function refuseOptions(options: Options, what: keyof typeof ONLY_FOR): void {
  const given = ONLY_FOR[what]!.find((name) => options[name] !== undefined);
  if (given !== undefined) throw new UsageError(`--${given} does not apply to ${what}`);
}

function period(
  options: Options,
  print: PrintOptions,
  { db, newStore, io }: { db: string | undefined; newStore: boolean; io: CliIo },
): Promise<void> {
  const format = options.format ?? 'pdf';
  if (format !== 'pdf' && format !== 'html' && format !== 'json')
    throw new UsageError('--format must be pdf, html or json');
  if (options.batch !== undefined || options.filter === true)
    throw new UsageError(
      'report period takes --from, --to, --kind, --provider and --agent, not --batch or --filter',
    );
  return withStore({ db, newStore }, ({ store }) =>
    writePeriodReport(store, io, {
      format,
      out: options.out,
      force: options.force === true,
      print,
      options: {
        from: options.from,
        to: options.to,
        kind: list(options.kind),
        provider: options.provider,
        agent: options.agent,
        closingDays: options['closing-days'],
        replay: options['no-replay'] !== true,
      },
    }),
  );
}

export default defineCommand({
  args: '[REF|period]',
  arity: [0, 1],
  summary:
    'A case (or many) as a signed-off decision report, PDF or HTML; `report period --from --to` ' +
    'sums up the decisions of a period as PDF, HTML or JSON.',
  options: OPTIONS,
  usesStore: true,
  run: async ({ positionals: [ref], options, db, newStore, io }) => {
    const print = printOptions(options);
    if (ref === 'period') {
      refuseOptions(options, 'report period');
      return period(options, print, { db, newStore, io });
    }
    refuseOptions(options, 'a case report');
    const format = caseFormat(options.format);
    const out = options.out;
    if (out === undefined) throw new UsageError('--out FILE is needed');
    const many = options.batch !== undefined || options.filter === true;
    if (many === (ref !== undefined)) throw new UsageError('give one REF, or --batch REFS, or --filter');
    if (options.batch !== undefined && options.filter === true)
      throw new UsageError('--batch and --filter do not go together');
    if (options.filter !== true) refuseOptions(options, 'REF or --batch (they take no filter)');
    const refs = options.batch === undefined ? undefined : await batchRefs(io, options.batch);
    const write = (printer?: Promise<Printer>) =>
      withStore({ db, newStore }, async ({ store }) => {
        const run = { store, format, print, force: options.force === true, printer };
        if (!many) return writeCaseReports(run, [{ ref: ref!, out }]);
        const chosen =
          refs ??
          refsMatching(store, {
            from: options.from,
            to: options.to,
            dates: options.dates,
            outcome: list(options.outcome),
            kind: list(options.kind),
            status: list(options.status),
            provider: options.provider,
            assignee: options.assignee,
          });
        const progress = progressLine();
        await writeCaseReports(run, await batchTargets(chosen, out, format), (done) =>
          progress.show(`report: ${count(done)} of ${count(chosen.length)}`),
        );
        progress.done();
        io.stderr(`wrote ${count(chosen.length)} reports to ${out}\n`);
      });
    // Chromium starts while Node opens the store and reads the cases: the two overlap.
    if (format === 'pdf') await withEarlyPrinter(refs?.length ?? (many ? 2 : 1), write);
    else await write();
  },
});
