import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import type { AmountUnit } from '../../../shared/import';
import { CsvFile, CsvFileError, type CsvBlock } from '../csv';
import { BatchOutput, type BatchSummary } from './batch-output';
import { DecidePool } from './decide-pool';
import { RowDecider, type DeciderSetup } from './decide-rows';

export interface BatchOptions {
  file: string;
  /** A file path or an open stream (standard output). */
  out: string | Writable;
  now: number;
  encoding?: string;
  amountUnit?: AmountUnit;
  /** The output starts with a UTF-8 byte order mark, for Excel. */
  excelFriendly?: boolean;
  /** Worker threads to decide on; 0 decides on this thread. Default: workersFor(the file's size). */
  workers?: number;
  onProgress?: (rows: number) => void;
  /** Stops reading and every worker; decideBatch then rejects with the signal's reason. */
  signal?: AbortSignal;
}

// Below this (about 180,000 orders) a file is decided on this thread: starting and warming up
// workers costs a few tenths of a second, which a smaller file does not win back (measured
// with the built CLI on this 2-core machine under load: bench/README.md, "Worker threads").
export const MIN_BYTES_FOR_WORKERS = 24 * 1024 * 1024;
// One thread reads the file and writes the output for all of them, spending about an eighth of
// the CPU time the deciding takes: past this many workers it, not the deciding, sets the pace.
const MAX_WORKERS = 8;

/** How many worker threads a file of this size is decided on (0: this thread alone). */
export function workersFor(bytes: number): number {
  return bytes < MIN_BYTES_FOR_WORKERS ? 0 : Math.min(availableParallelism(), MAX_WORKERS);
}

/** Who decides the blocks after the header: this thread, or a pool of workers. */
interface Deciding {
  add(block: CsvBlock): Promise<void>;
  finish(): Promise<void>;
  close(): Promise<void>;
}

function onThisThread(decider: RowDecider, output: BatchOutput): Deciding {
  return {
    add: (block) => output.add(decider.decideBlocks([block])),
    finish: async () => {},
    close: async () => {},
  };
}

/**
 * The file's header (its first record that is not blank) and what follows it in the block;
 * null when the block holds no record yet.
 */
function splitHeader(block: CsvBlock): { header: string[]; rest: CsvBlock } | null {
  if (block.kind === 'records') {
    const [first, ...records] = block.records;
    return first === undefined ? null : { header: first.cells, rest: { kind: 'records', records } };
  }
  let { text, firstRow, count } = block;
  while (count > 0) {
    const end = text.indexOf(block.lineEnd);
    const line = end === -1 ? text : text.slice(0, end);
    text = end === -1 ? '' : text.slice(end + block.lineEnd.length);
    firstRow++;
    count--;
    if (line !== '') return { header: line.split(','), rest: { ...block, text, firstRow, count } };
  }
  return null;
}

/**
 * Decides every row of an order file without a store (same header rules as the import) and
 * writes one output row per input row, in the file's order. This thread reads the file; the
 * rows are decided here or, for a large file, on worker threads (RowDecider either way).
 */
export async function decideBatch(options: BatchOptions): Promise<BatchSummary> {
  const file = await CsvFile.open(options.file, options.encoding);
  const workers = options.workers ?? workersFor(file.size);
  let output: BatchOutput | null = null;
  let deciding: Deciding | null = null;
  let header: string[] | null = null;
  try {
    for await (const block of file.blocks({ hash: false, signal: options.signal })) {
      if (deciding === null) {
        const found = splitHeader(block);
        if (found === null) continue;
        header = found.header;
        const setup: DeciderSetup = {
          header: found.header,
          amountUnit: options.amountUnit,
          now: options.now,
        };
        const decider = new RowDecider(setup); // a header without the needed columns fails here
        output = new BatchOutput(options.out, options.onProgress, options.excelFriendly);
        const handOn = output.add.bind(output);
        deciding =
          workers > 0
            ? new DecidePool(workers, setup, handOn, options.signal)
            : onThisThread(decider, output);
        await deciding.add(found.rest);
      } else await deciding.add(block);
    }
    if (deciding === null) throw new CsvFileError('the file has no header row');
    await deciding.finish();
    await output!.close();
    return output!.summary;
  } catch (error) {
    throw error instanceof CsvFileError ? error.inFile(header) : error;
  } finally {
    await deciding?.close();
    // After a failure the output is closed for what it holds; the failure is what is reported.
    await output?.close().catch(() => undefined);
  }
}
