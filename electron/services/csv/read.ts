import { parse, CsvError, type Parser } from 'csv-parse';
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CsvFileError, detectEncoding, SAMPLE_BYTES, type DetectedEncoding } from './encoding';
import { PlainLines, plainRecords, type LinesText } from './plain-records';

/** One record and its number as a spreadsheet shows it (the header is row 1). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/**
 * A chunk's worth of a file: complete lines that split plainly, left as text, or records csv-parse
 * read (from the first line that does not split plainly on).
 */
export type CsvBlock =
  ({ kind: 'lines'; firstRow: number } & LinesText) | { kind: 'records'; records: CsvRecord[] };

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  /** False when no one asks for digest() (a batch of decisions): hashing is a few % of a read. */
  hash?: boolean;
}

export interface ReadProgress {
  bytesRead: number;
  size: number;
}

// A "record" longer than this is garbage or a quote never closed, not an order.
const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * A CSV file read as a stream: decoded with its detected (or given) encoding, parsed by
 * csv-parse (CRLF or LF, quoted newlines, doubled quotes), hashed as it goes, never held
 * whole. If the file changes size while it is read, reading fails: it is still being written.
 */
export class CsvFile {
  bytesRead = 0;
  private readonly hash = createHash('sha256');
  private hashed = false;

  private constructor(
    readonly path: string,
    readonly size: number,
    readonly encoding: DetectedEncoding,
  ) {}

  static async open(path: string, encoding?: string): Promise<CsvFile> {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new CsvFileError(
        `cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
      );
    });
    if (!info.isFile()) throw new CsvFileError(`${path} is not a file`);
    if (info.size === 0) throw new CsvFileError('the file is empty: there is no header row');
    const handle = await open(path, 'r');
    try {
      const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, info.size));
      await handle.read(sample, 0, sample.length, 0);
      return new CsvFile(path, info.size, detectEncoding(sample, sample.length === info.size, encoding));
    } finally {
      await handle.close();
    }
  }

  /** The SHA-256 of every byte read, once batches() has finished (unless told not to hash). */
  digest(): string {
    if (!this.hashed) throw new Error('the file was read without hashing it');
    return this.hash.digest('hex');
  }

  /**
   * Every record in order, a chunk's worth at a time (a promise per chunk, not per record,
   * is what keeps a million rows fast); a blank line is skipped but still counts as a row.
   */
  async *batches(options: ReadOptions = {}): AsyncGenerator<CsvRecord[]> {
    for await (const block of this.blocks(options)) {
      if (block.kind === 'records') {
        yield block.records;
        continue;
      }
      const records: CsvRecord[] = [];
      let row = block.firstRow;
      for (const cells of plainRecords(block)) {
        if (cells.length !== 1 || cells[0] !== '') records.push({ row, cells });
        row++;
      }
      yield records;
    }
  }

  /**
   * The file a chunk at a time, as batches() reads it, but with plain lines left as text (their
   * records are plainRecords(block), numbered from firstRow): whoever splits them, possibly
   * another thread, then also skips blank lines.
   */
  async *blocks(options: ReadOptions = {}): AsyncGenerator<CsvBlock> {
    this.hashed = options.hash !== false;
    const decoder = iconv.getDecoder(this.encoding.name);
    // Lines without quotes are left to be split directly; csv-parse takes over from the first
    // that is not, keeping to the line end the file began with (as it would have found it).
    const plain = new PlainLines(MAX_RECORD_CHARS);
    let parser = null as Parser | null;
    // Settles when the parser has ended or failed. A record it cannot read fails it from inside
    // write(), reported a tick later, and a parser that failed never ends: waiting for its 'end'
    // alone would wait for good.
    let parserDone: Promise<void> = Promise.resolve();
    let parsed: string[][] = [];
    let lines = null as LinesText | null;
    let failure: Error | null = null;
    let row = 0;
    const startParser = (): Parser => {
      const started = parse({
        relax_column_count: true,
        max_record_size: MAX_RECORD_CHARS,
        bom: true,
        ...(plain.lineEnd !== null && { record_delimiter: plain.lineEnd }),
      });
      // The rows before the parser's first record, to number the record an error names.
      const rowsBefore = row;
      started.on('data', (cells: string[]) => parsed.push(cells));
      parserDone = new Promise((resolve) => {
        started.once('end', resolve);
        started.once('error', (error) => {
          failure ??= toFileError(error, rowsBefore);
          resolve();
        });
      });
      return started;
    };
    const read = (text: string, split: (text: string) => LinesText | null | false) => {
      if (parser !== null) {
        if (text !== '' && !parser.destroyed) parser.write(text);
        return;
      }
      const result = split(text);
      if (result === false) {
        parser = startParser();
        parser.write(plain.takeRest());
      } else lines = result;
    };
    const take = (): CsvBlock => {
      if (lines !== null) {
        const block: CsvBlock = { kind: 'lines', firstRow: row + 1, ...lines };
        row += lines.count;
        lines = null;
        return block;
      }
      if (failure !== null) throw failure;
      const records: CsvRecord[] = [];
      for (const cells of parsed) {
        row++;
        if (cells.length !== 1 || cells[0] !== '') records.push({ row, cells });
      }
      parsed = [];
      return { kind: 'records', records };
    };
    // 64 KB, not more: a chunk's text and its lines then stay below V8's large-object size and
    // are collected young (256 KB chunks cost this thread about 0.85 s per 1M orders, 64 KB 0.5 s).
    const input = createReadStream(this.path, { highWaterMark: 64 * 1024 });
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        options.signal?.throwIfAborted();
        if (this.hashed) this.hash.update(chunk);
        this.bytesRead += chunk.length;
        read(decoder.write(chunk), (text) => plain.push(text));
        options.onProgress?.({ bytesRead: this.bytesRead, size: this.size });
        yield take();
      }
      read(decoder.end() ?? '', (text) => plain.push(text));
      if (lines !== null) yield take();
      read('', () => plain.finish());
      if (parser !== null) {
        if (!parser.destroyed) parser.end();
        await parserDone;
      }
      yield take();
    } finally {
      input.destroy();
      parser?.destroy();
    }
    await this.checkUnchanged(row + 1);
  }

  private async checkUnchanged(row: number): Promise<void> {
    const now = await stat(this.path);
    if (now.size !== this.size || this.bytesRead !== this.size) {
      throw new CsvFileError(
        `the file changed while it was read (${this.size} bytes at the start, ${now.size} now): ` +
          'it may still be being written; import it once it is complete',
        row,
      );
    }
  }
}

/**
 * What csv-parse could not read, said for the agent: the row as a spreadsheet numbers it (its
 * count of records read is what places it; its line numbers count from where it took over)
 * and the cell.
 */
function toFileError(error: Error, rowsBefore: number): Error {
  if (!(error instanceof CsvError)) return error;
  const { records, column } = error as CsvError & { records?: number; column?: number | string };
  const row = rowsBefore + (records ?? 0) + 1;
  const cell = typeof column === 'number' ? column : null;
  return new CsvFileError(PARSE_PROBLEMS[error.code] ?? `cannot be read as CSV (${error.code})`, row, cell);
}

// csv-parse's error codes (INVALID_OPENING_QUOTE has no CSV_ prefix in csv-parse 7).
const PARSE_PROBLEMS: Readonly<Record<string, string>> = {
  INVALID_OPENING_QUOTE:
    'a double quote inside a cell that does not begin with one; put the whole cell in double quotes and write the quote twice ("a""b")',
  CSV_INVALID_CLOSING_QUOTE:
    'text after the double quote that closes a cell; inside a quoted cell a double quote is written twice ("")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
    'text after the double quote that closes a cell; inside a quoted cell a double quote is written twice ("")',
  CSV_QUOTE_NOT_CLOSED: 'a double quote opens this cell and is never closed',
  CSV_MAX_RECORD_SIZE: `the row is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB: is a double quote never closed?`,
};
