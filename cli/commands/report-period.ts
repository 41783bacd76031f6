import { periodFigures, periodReportHtml, type PrintOptions } from '../../electron/reports';
import { openPrinter } from '../../electron/print';
import { InvalidInputError, type CaseStore } from '../../electron/store';
import { PeriodQuerySchema, type PeriodFigures } from '../../shared/model/period';
import { BadInputError, UsageError } from '../errors';
import { json, type CliIo } from '../io';
import { requireWritable, writeOutput } from './report-files';

export type PeriodFormat = 'pdf' | 'html' | 'json';

export interface PeriodOptions {
  from?: string | undefined;
  to?: string | undefined;
  kind?: string[] | undefined;
  provider?: string | undefined;
  agent?: string | undefined;
  closingDays?: string | undefined;
  replay: boolean;
}

function query(options: PeriodOptions) {
  if (options.from === undefined || options.to === undefined)
    throw new UsageError('report period needs --from and --to');
  const closingDays = options.closingDays === undefined ? undefined : Number(options.closingDays);
  const parsed = PeriodQuerySchema.safeParse({
    from: options.from,
    to: options.to,
    kind: options.kind,
    provider: options.provider,
    agent: options.agent,
    closingDays,
    replay: options.replay,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(
      `--${issue.path[0] === 'closingDays' ? 'closing-days' : String(issue.path[0])} ${issue.message}`,
    );
  }
  return parsed.data;
}

function figuresOf(store: CaseStore, options: PeriodOptions): PeriodFigures {
  try {
    return periodFigures(store, query(options));
  } catch (error) {
    if (error instanceof InvalidInputError) throw new BadInputError(error.message);
    throw error;
  }
}

/** The period report: JSON to standard output (or --out), HTML and PDF to --out FILE. */
export async function writePeriodReport(
  store: CaseStore,
  io: CliIo,
  {
    format,
    out,
    force,
    print,
    options,
  }: {
    format: PeriodFormat;
    out: string | undefined;
    force: boolean;
    print: PrintOptions;
    options: PeriodOptions;
  },
): Promise<void> {
  if (out === undefined && format !== 'json') throw new UsageError(`--format ${format} needs --out FILE`);
  if (out !== undefined) requireWritable([out], force);
  const figures = figuresOf(store, options);
  if (format === 'json') {
    if (out === undefined) io.stdout(json(figures));
    else await writeOutput(out, json(figures), force);
    return;
  }
  const html = await periodReportHtml(figures, print);
  if (format === 'html') return writeOutput(out!, html, force);
  const printer = await openPrinter();
  try {
    await writeOutput(out!, await printer.pdf(html), force);
  } finally {
    await printer.close();
  }
}
