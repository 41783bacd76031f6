import { join } from 'node:path';
import { openPrinter, PrinterUnavailableError, type Printer } from '../../electron/print';
import { caseReportData, caseReportHtml, type PrintOptions } from '../../electron/reports';
import { exportPages, exportQuery, missingRefs, parseRef, type CaseStore } from '../../electron/store';
import { ExportFilterSchema } from '../../shared/model/export';
import { BadInputError, InternalError } from '../errors';
import { makeDirectory, requireWritable, writeOutput } from './report-files';

export type CaseFormat = 'pdf' | 'html';

export interface CaseReportRun {
  store: CaseStore;
  format: CaseFormat;
  print: PrintOptions;
  force: boolean;
  /**
   * A printer already starting (see startPrinter): Chromium starts while the store opens and
   * the reports are read. Its starter closes it; without one, writeCaseReports starts its own.
   */
  printer?: Promise<Printer>;
}

function requireRef(ref: string): string {
  if (parseRef(ref) === null) throw new BadInputError(`"${ref}" is not a case ref (RC-000123)`);
  return ref;
}

/** The cases a batch names: refs separated by commas, spaces or new lines. */
export function refsOf(text: string): string[] {
  const refs = text.split(/[\s,]+/).filter((ref) => ref !== '');
  if (refs.length === 0) throw new BadInputError('--batch names no case refs');
  return [...new Set(refs.map(requireRef))];
}

/** Every case the export filter selects, in ref order. */
export function refsMatching(store: CaseStore, filter: unknown): string[] {
  const parsed = ExportFilterSchema.safeParse(filter);
  if (!parsed.success) throw new BadInputError(`the filter is invalid: ${parsed.error.issues[0]!.message}`);
  const query = { ...exportQuery(parsed.data, 'iso'), columns: `'RC-' || printf('%06d', c.id)` };
  const refs: string[] = [];
  for (const page of exportPages(store, query, 5000)) for (const [ref] of page) refs.push(ref as string);
  return refs;
}

const reportText = (run: CaseReportRun, ref: string): Promise<string> =>
  caseReportHtml(caseReportData(run.store, ref), run.print);

/** Two pages for more than one document: Chromium lays out one while it writes the other's PDF. */
async function startPrinter(documents: number): Promise<Printer> {
  try {
    return await openPrinter({ pages: Math.min(documents, 2) });
  } catch (error) {
    if (error instanceof PrinterUnavailableError) throw new InternalError(error.message);
    throw error;
  }
}

/**
 * Starts a printer ahead of the work that needs it and closes it once `work` is done, used or
 * not. A printer that failed to start is `work`'s error only if `work` waited for it.
 */
export async function withEarlyPrinter<T>(
  documents: number,
  work: (printer: Promise<Printer>) => Promise<T>,
): Promise<T> {
  const printer = startPrinter(documents);
  printer.catch(() => undefined);
  try {
    return await work(printer);
  } finally {
    await (await printer.catch(() => null))?.close();
  }
}

/**
 * Writes each case's report to its file, every PDF through one Chromium. Every ref is read
 * before the first file is written, so an unknown ref in a batch writes nothing.
 */
export async function writeCaseReports(
  run: CaseReportRun,
  targets: readonly { ref: string; out: string }[],
  onWritten: (done: number) => void = () => {},
): Promise<void> {
  requireWritable(
    targets.map((target) => target.out),
    run.force,
  );
  for (const { ref } of targets) requireRef(ref);
  const missing = missingRefs(
    run.store,
    targets.map((target) => target.ref),
  );
  if (missing.length > 0) {
    const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
    throw new BadInputError(`no case ${missing.slice(0, 3).join(', ')}${more} in this store`);
  }
  const own = run.format === 'pdf' && run.printer === undefined;
  const printer = run.format === 'pdf' ? await (run.printer ?? startPrinter(targets.length)) : null;
  try {
    let next = 0;
    let done = 0;
    // As many workers as the printer has pages; the store reads between them are synchronous.
    const worker = async () => {
      while (next < targets.length) {
        const { ref, out } = targets[next++]!;
        const html = await reportText(run, ref);
        await writeOutput(out, printer === null ? html : await printer.pdf(html), run.force);
        onWritten(++done);
      }
    };
    await Promise.all(Array.from({ length: printer?.pages ?? 1 }, worker));
  } finally {
    if (own) await printer?.close();
  }
}

/** Where each case of a batch goes: DIR/RC-000123.pdf. */
export async function batchTargets(refs: readonly string[], dir: string, format: CaseFormat) {
  await makeDirectory(dir);
  return refs.map((ref) => ({ ref, out: join(dir, `${ref}.${format}`) }));
}
