import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { ExportFilterSchema, type ExportFilter, type ExportFormat } from '../../../shared/model/export';
import { describeFirstIssue } from '../../../shared/model/issues';
import type { Language } from '../../../shared/model/languages';
import { exportPages, exportQuery, InvalidInputError, type CaseStore } from '../../store';
import { csvSink, jsonSink, type RowSink } from './formats';

export interface ExportOptions {
  format: ExportFormat;
  filter?: ExportFilter;
  /** A file (written beside as FILE.partial, renamed when complete) or an open stream. */
  out: string | Writable;
  /** CSV only: a UTF-8 byte order mark, so that Excel reads Chinese text right. */
  excelFriendly?: boolean;
  /** XLSX only: headers in this language (the canonical column names without one). */
  language?: Language;
  signal?: AbortSignal;
  onProgress?: (rows: number) => void;
}

const PAGE_SIZE = 5000;

/**
 * Writes the cases a filter selects, each with its latest decision, one row per case in
 * EXPORT_COLUMNS order. Read a page at a time and written with backpressure: memory stays
 * bounded whatever the size. A file appears under its name only once it is complete.
 */
export async function runExport(store: CaseStore, options: ExportOptions): Promise<{ rows: number }> {
  const parsed = ExportFilterSchema.safeParse(options.filter ?? {});
  if (!parsed.success) {
    const { field, message } = describeFirstIssue(parsed.error, 'filter');
    throw new InvalidInputError(`${field}: ${message}`);
  }
  const query = exportQuery(parsed.data, options.format === 'xlsx' ? 'ms' : 'iso');
  const toFile = typeof options.out === 'string';
  const partial = toFile ? `${options.out as string}.partial` : null;
  const out = partial === null ? (options.out as Writable) : createWriteStream(partial);
  try {
    const rows = await writeRows(store, query, out, await sink(options, out), options);
    if (partial !== null) {
      // The XLSX writer ends the stream itself when its zip is complete.
      if (!out.writableEnded) out.end();
      if (!out.closed) await once(out, 'close');
      await rename(partial, options.out as string);
    }
    return { rows };
  } catch (error) {
    if (partial !== null) {
      // The stream opens its file asynchronously: removed before it has closed, the file can
      // still appear afterwards (a cancelled export left FILE.partial behind under load).
      out.destroy();
      if (!out.closed) await once(out, 'close');
      await rm(partial, { force: true });
    }
    throw error;
  }
}

async function sink(options: ExportOptions, out: Writable): Promise<RowSink> {
  if (options.format === 'csv') return csvSink(options.excelFriendly === true);
  if (options.format === 'json') return jsonSink();
  // exceljs loads only for an XLSX (see xlsx.ts).
  const { xlsxSink } = await import('./xlsx');
  return xlsxSink(out, options.language ?? null);
}

async function writeRows(
  store: CaseStore,
  query: ReturnType<typeof exportQuery>,
  out: Writable,
  format: RowSink,
  options: ExportOptions,
): Promise<number> {
  const write = async (text: string) => {
    if (text !== '' && !out.write(text)) await once(out, 'drain', { signal: options.signal });
  };
  let count = 0;
  await write(format.start());
  for (const rows of exportPages(store, query, PAGE_SIZE)) {
    options.signal?.throwIfAborted();
    const text = format.rows(rows);
    if (text !== null) await write(text);
    else if (out.writableNeedDrain) await once(out, 'drain', { signal: options.signal });
    count += rows.length;
    options.onProgress?.(count);
  }
  await write(await format.end());
  return count;
}
