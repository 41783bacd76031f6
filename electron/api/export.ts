import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { ExportFormat } from '../../shared/model/export';
import { runExport } from '../services/export';
import { ConflictError, InvalidInputError, type CaseStore } from '../store';
import type { Implementations } from './types';

/** What a browser download may hold; larger exports are written to a file (desktop app, CLI). */
export const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Collects an export's bytes in memory; past the download limit it stops the export. */
class BoundedBuffer extends Writable {
  readonly chunks: Buffer[] = [];
  readonly tooLarge = new AbortController();
  private size = 0;

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.size += chunk.length;
    if (this.size > MAX_DOWNLOAD_BYTES) this.tooLarge.abort();
    else this.chunks.push(chunk);
    done();
  }
}

const tooLargeToDownload = () =>
  new InvalidInputError(
    `the export is larger than ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB; narrow the filter, or export to a file with the desktop app or the CLI`,
  );

export const exportHandlers = (store: CaseStore): Implementations<'exports.write' | 'exports.download'> => ({
  // A new file only: an export never overwrites what is already on the disk.
  'exports.write': async ({ file, format, filter, excelFriendly, language }) => {
    if (existsSync(file)) throw new ConflictError(`${file} already exists; choose a new file name`);
    const { rows } = await runExport(store, { format, filter, excelFriendly, language, out: file });
    return { file, rows };
  },
  'exports.download': async ({ format, filter, excelFriendly, language }) => {
    const out = new BoundedBuffer();
    const signal = out.tooLarge.signal;
    const { rows } = await runExport(store, { format, filter, excelFriendly, language, out, signal }).catch(
      (error: unknown) => {
        throw signal.aborted ? tooLargeToDownload() : error;
      },
    );
    if (signal.aborted) throw tooLargeToDownload();
    if (!out.writableEnded) out.end();
    const day = new Date(store.now()).toISOString().slice(0, 10);
    return {
      name: `refund-cases-${day}.${format}`,
      mimeType: MIME_TYPES[format],
      data: Buffer.concat(out.chunks).toString('base64'),
      rows,
    };
  },
});
