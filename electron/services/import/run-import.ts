import { basename } from 'node:path';
import type { NewCase } from '../../../shared/model/case';
import type { ImportSummary } from '../../../shared/model/import';
import {
  describeProblem,
  detectMapping,
  emptyRequiredCell,
  headerOfField,
  isEmptyRecord,
  missingCaseColumns,
  ProblemGroups,
  readRow,
  type AmountUnit,
  type Mapping,
  type RowProblem,
} from '../../../shared/import';
import { checkImportRow, ImportStage, type CaseStore } from '../../store';
import { CsvFile, CsvFileError, type CsvRecord } from '../csv';
import { RejectsWriter } from './rejects';

export interface ImportOptions {
  file: string;
  actor: string;
  /** An iconv-lite encoding name; detected when absent. */
  encoding?: string;
  amountUnit?: AmountUnit;
  /** The UTC offset ("+08:00") of times the file writes without one; without it they are errors. */
  assumeOffset?: string;
  /** Header → canonical column (or null to ignore it), over what was detected. */
  mapping?: Readonly<Record<string, string | null>>;
  /** Import the good rows and report the bad ones, instead of all-or-nothing. */
  skipBadRows?: boolean;
  /** Read and check everything, write nothing. */
  dryRun?: boolean;
  /** Where to save the rejected rows as CSV (with skipBadRows). */
  rejectsFile?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** How many parsed rows the summary shows as a preview. */
  previewRows?: number;
}

export interface ImportProgress {
  rows: number;
  bytesRead: number;
  size: number;
  rowsPerSecond: number;
}

const MAX_REPORTED_ERRORS = 100;
const STAGE_BATCH = 1000;

/**
 * Imports a CSV file of orders: read as a stream, every row checked like the API checks a
 * new case, staged outside the store and written in one transaction at the end. By default
 * one bad row means nothing is written; with skipBadRows the good rows go in and the bad
 * ones are reported (and saved to rejectsFile). Cancelling, a bad file or a crash before the
 * end leaves the store as it was.
 */
export async function runImport(store: CaseStore, options: ImportOptions): Promise<ImportSummary> {
  const run = new ImportRun(store, options);
  try {
    return await run.execute();
  } finally {
    await run.close();
  }
}

class ImportRun {
  readonly summary: ImportSummary = {
    added: 0,
    duplicates: 0,
    skipped: 0,
    errors: [],
    errorCount: 0,
    errorGroups: [],
    rows: 0,
    emptyRows: 0,
    committed: false,
    cancelled: false,
    encoding: null,
    sha256: null,
    firstRef: null,
    lastRef: null,
    mapping: [],
    ignoredColumns: [],
    preview: [],
  };
  private stage: ImportStage | null = null;
  private rejects: RejectsWriter | null = null;
  private batch: { input: NewCase; deadline: number | null }[] = [];
  /** The file's header cells, once read: a parse error names its cell by them. */
  private header: readonly string[] | null = null;
  private readonly groups = new ProblemGroups();
  /** The last row read: the header's, then each record's. */
  private lastRow = 0;
  private readonly now: number;
  private readonly started = performance.now();

  constructor(
    private readonly store: CaseStore,
    private readonly options: ImportOptions,
  ) {
    this.now = store.now();
  }

  async execute(): Promise<ImportSummary> {
    const { summary, options } = this;
    let file: CsvFile;
    try {
      file = await CsvFile.open(options.file, options.encoding);
      summary.encoding = file.encoding.name + (file.encoding.bom ? ' (BOM)' : '');
      this.stage = new ImportStage(this.store, options.dryRun === true);
      let mapping: Mapping | null = null;
      const batches = file.batches({ signal: options.signal, onProgress: (p) => this.progress(p) });
      for await (const records of batches) {
        for (const record of records) {
          if (mapping === null) mapping = await this.readHeader(record);
          else this.readRecord(record, mapping);
        }
      }
      if (mapping === null) throw new CsvFileError('the file has no header row');
      if (summary.rows === 0) throw new CsvFileError('the file has a header but no rows', 2);
      this.flush();
      summary.sha256 = file.digest();
    } catch (error) {
      if (isAbort(error)) {
        summary.cancelled = true;
        return this.finish();
      }
      if (!(error instanceof CsvFileError)) throw error;
      const { row, column, message } = error.inFile(this.header);
      this.problem({ row, column, message });
      return this.finish();
    }
    return this.finish(file);
  }

  async close(): Promise<void> {
    this.stage?.discard();
    await this.rejects?.close();
  }

  private finish(file?: CsvFile): ImportSummary {
    const { summary, options } = this;
    summary.errorGroups = this.groups.list();
    const blocked = summary.errorCount > 0 && !options.skipBadRows;
    if (file === undefined || blocked || summary.cancelled) {
      summary.added = 0;
      return summary;
    }
    if (options.dryRun) return summary;
    const committed = this.stage!.commit(options.actor, {
      file: basename(options.file),
      sha256: summary.sha256,
      skipped: summary.skipped,
      ...(options.assumeOffset !== undefined && { assumedOffset: options.assumeOffset }),
    });
    Object.assign(summary, {
      added: committed.count,
      duplicates: summary.duplicates + committed.duplicates,
      firstRef: committed.firstRef,
      lastRef: committed.lastRef,
      committed: committed.count > 0,
    });
    return summary;
  }

  private async readHeader(record: CsvRecord): Promise<Mapping> {
    this.header = record.cells;
    this.lastRow = record.row;
    const detected = detectMapping(record.cells, {
      overrides: this.options.mapping,
      amountUnit: this.options.amountUnit,
      assumeOffset: this.options.assumeOffset,
    });
    if (!detected.ok) throw new CsvFileError(detected.message);
    // Told even when a column is missing: the Import screen shows it so the agent can map one.
    this.summary.mapping = detected.mapping.columns.map(({ header, column, unit }) => ({
      header,
      column: column?.id ?? null,
      unit,
    }));
    this.summary.ignoredColumns = detected.mapping.ignored;
    const missing = missingCaseColumns(detected.mapping);
    if (missing.length > 0) {
      throw new CsvFileError(
        `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      );
    }
    if (this.options.skipBadRows && this.options.rejectsFile !== undefined) {
      this.rejects = await RejectsWriter.open(this.options.rejectsFile, record.cells);
    }
    return detected.mapping;
  }

  private readRecord(record: CsvRecord, mapping: Mapping): void {
    const { summary } = this;
    // The reader leaves out blank lines but keeps their numbers: a gap in the rows is one.
    summary.emptyRows += record.row - this.lastRow - 1;
    this.lastRow = record.row;
    if (isEmptyRecord(record.cells)) {
      summary.emptyRows++;
      return;
    }
    summary.rows++;
    const empty = emptyRequiredCell(record.cells, record.row, mapping);
    if (empty !== null) return this.reject(record, empty);
    const read = readRow(record.cells, record.row, mapping);
    if (!read.ok) return this.reject(record, read.problem);
    const checked = checkImportRow(read.value, this.now);
    if (!checked.ok) {
      const column = headerOfField(mapping, checked.field);
      const message = column === null ? `${checked.field}: ${checked.message}` : checked.message;
      return this.reject(record, { row: record.row, column, message });
    }
    if (summary.preview.length < (this.options.previewRows ?? 20)) summary.preview.push(checked.input);
    // All-or-nothing: once a row is bad nothing will be written, so staging stops.
    if (summary.errorCount > 0 && !this.options.skipBadRows) return;
    this.batch.push(checked);
    if (this.batch.length >= STAGE_BATCH) this.flush();
  }

  private flush(): void {
    const duplicates = this.stage!.add(this.batch).filter(Boolean).length;
    this.summary.duplicates += duplicates;
    this.summary.added += this.batch.length - duplicates;
    this.batch = [];
  }

  private reject(record: CsvRecord, problem: RowProblem): void {
    this.problem(problem);
    if (this.options.skipBadRows) {
      this.summary.skipped++;
      this.rejects?.write(record.cells, describeProblem(problem));
    }
  }

  private problem(problem: RowProblem): void {
    this.summary.errorCount++;
    this.groups.add(problem);
    const { kind: _, ...reported } = problem;
    if (this.summary.errors.length < MAX_REPORTED_ERRORS) this.summary.errors.push(reported);
  }

  private progress({ bytesRead, size }: { bytesRead: number; size: number }): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rows = this.summary.rows;
    this.options.onProgress?.({ rows, bytesRead, size, rowsPerSecond: seconds > 0 ? rows / seconds : 0 });
  }
}

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';
