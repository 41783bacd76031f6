import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { RowProblem } from '../../../shared/import';
import { csvLine } from '../csv';
import { MAX_REPORTED_ERRORS, type DecidedBlock } from './decide-rows';

export interface BatchSummary {
  rows: number;
  decided: number;
  /** The first problems; `errorCount` counts them all (each is also in the output). */
  errors: RowProblem[];
  errorCount: number;
  /** Order ids on more than one row, in the file's order (the first MAX_REPORTED_ERRORS). */
  repeated: RepeatedOrder[];
  repeatedCount: number;
}

/** An order id the file holds more than once, and the rows it is on. */
export interface RepeatedOrder {
  orderId: string;
  rows: number[];
}

/** The output's columns: one row per input row, with the error when it could not be decided. */
export const BATCH_COLUMNS = [
  'row',
  'orderId',
  'outcome',
  // In minor units (fen for CNY), as the rules count money.
  'refundAmount (fen)',
  'currency',
  'clauses',
  'missing',
  'windowClosesAt',
  'policyVersion',
  'policyRevision',
  'error',
] as const;

/**
 * The output file (or stream) and the summary, fed the decided blocks in the file's order. A
 * write that fails (no such folder, a full disk) fails the next add() or close(): the stream
 * may have failed before anyone waited on it, when waiting for 'drain' or 'close' would hang.
 */
export class BatchOutput {
  readonly summary: BatchSummary = {
    rows: 0,
    decided: 0,
    errors: [],
    errorCount: 0,
    repeated: [],
    repeatedCount: 0,
  };
  /** Each order id's first row; then, once it repeats, its entry (null past the listed ones). */
  private readonly orders = new Map<string, number | RepeatedOrder | null>();
  private readonly out: Writable;
  private failure: Error | null = null;

  constructor(
    private readonly target: string | Writable,
    private readonly onProgress: ((rows: number) => void) | undefined,
    /** Starts with a UTF-8 byte order mark, without which Excel reads the file in the system's code page. */
    excelFriendly = false,
  ) {
    this.out = typeof target === 'string' ? createWriteStream(target) : target;
    this.out.on('error', (error) => (this.failure ??= error));
    this.out.write(`${excelFriendly ? '\uFEFF' : ''}${csvLine(BATCH_COLUMNS, true)}`);
  }

  async add(block: DecidedBlock): Promise<void> {
    for (const chunk of block.chunks) {
      if (this.failure !== null) throw this.failure;
      if (!this.out.write(chunk)) await once(this.out, 'drain');
    }
    const { summary } = this;
    summary.rows += block.rows;
    summary.decided += block.decided;
    summary.errorCount += block.errorCount;
    for (const problem of block.errors) {
      if (summary.errors.length === MAX_REPORTED_ERRORS) break;
      summary.errors.push(problem);
    }
    block.orderIds.forEach((id, i) => this.seeOrder(id, block.orderRows[i]!));
    this.onProgress?.(summary.rows);
  }

  /** Blocks come in the file's order, so a repeat is found here whichever thread decided it. */
  private seeOrder(orderId: string, row: number): void {
    if (orderId === '') return; // the row's own error says it has none
    const seen = this.orders.get(orderId);
    if (seen === undefined) this.orders.set(orderId, row);
    else if (typeof seen === 'number') {
      const { summary } = this;
      summary.repeatedCount++;
      const listed = summary.repeated.length < MAX_REPORTED_ERRORS ? { orderId, rows: [seen, row] } : null;
      if (listed !== null) summary.repeated.push(listed);
      this.orders.set(orderId, listed);
    } else seen?.rows.push(row);
  }

  /** Closes a file it opened (a stream it was given stays open, as standard output must). */
  async close(): Promise<void> {
    if (typeof this.target === 'string' && !this.out.writableEnded) {
      this.out.end();
      await finished(this.out).catch(() => undefined); // the error, if any, is this.failure
    }
    if (this.failure !== null) throw this.failure;
  }
}
