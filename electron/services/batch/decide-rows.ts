import {
  CASE_COLUMNS,
  detectMapping,
  headerOfField,
  readRow,
  type AmountUnit,
  type Mapping,
  type RowProblem,
} from '../../../shared/import';
import type { Facts } from '../../../shared/model/facts';
import { decide, formatInPolicyOffset, InvalidFactsError } from '../../../shared/policy';
import { CsvFileError, csvCell, csvLine, LineBlocks, plainRecords, type CsvBlock } from '../csv';

/** What a decider needs besides the rows; plain data, so a worker thread can be given it. */
export interface DeciderSetup {
  /** The file's header cells. */
  header: string[];
  amountUnit: AmountUnit | undefined;
  now: number;
}

/** A block of rows decided: its output lines as UTF-8, and what the summary needs of it. */
export interface DecidedBlock {
  chunks: Uint8Array[];
  rows: number;
  decided: number;
  /** The block's first problems (at most MAX_REPORTED_ERRORS); `errorCount` counts them all. */
  errors: RowProblem[];
  errorCount: number;
  /** Each row's order id and row number, for the one thread that sees every block to compare. */
  orderIds: string[];
  orderRows: number[];
}

export const MAX_REPORTED_ERRORS = 100;
/** The headers a batch reads: the canonical ones, then their Chinese names. */
const KNOWN_HEADERS = [
  ...CASE_COLUMNS.map((column) => column.id),
  ...CASE_COLUMNS.flatMap((column) => column.aliases),
].join(', ');
// About a block's output (a 64 KB read chunk of orders gives about 48 KB of decisions); above
// the 4 KB under which Node takes buffers from a shared pool, which a worker could not transfer.
const OUTPUT_BLOCK_BYTES = 64 * 1024;

/**
 * Decides the rows of one order file, a block at a time, on whichever thread it lives: the
 * one code path for a row, whether the batch runs on one thread or on workers.
 */
export class RowDecider {
  private readonly mapping: Mapping;
  private readonly orderIdAt: number;
  private readonly now: number;
  private readonly lines = new LineBlocks(OUTPUT_BLOCK_BYTES);

  constructor(setup: DeciderSetup) {
    const detected = detectMapping(setup.header, { amountUnit: setup.amountUnit });
    if (!detected.ok) throw new CsvFileError(detected.message);
    // A column not read changes the decisions (every row would want its fact): refused, not dropped.
    const { ignored } = detected.mapping;
    if (ignored.length > 0) {
      throw new CsvFileError(
        `unknown column${ignored.length > 1 ? 's' : ''} ${ignored.map((h) => `"${h}"`).join(', ')}: ` +
          `the columns read are ${KNOWN_HEADERS}`,
      );
    }
    this.mapping = detected.mapping;
    this.orderIdAt = this.mapping.columns.find((mapped) => mapped.column?.id === 'orderId')?.index ?? -1;
    this.now = setup.now;
  }

  /** Consecutive blocks of the file after its header: plain lines (blank ones skipped) or records. */
  decideBlocks(blocks: (CsvBlock | null)[]): DecidedBlock {
    const result: DecidedBlock = {
      chunks: [],
      rows: 0,
      decided: 0,
      errors: [],
      errorCount: 0,
      orderIds: [],
      orderRows: [],
    };
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      blocks[i] = null;
      if (block.kind === 'lines') {
        let row = block.firstRow;
        for (const cells of plainRecords(block)) {
          if (cells.length !== 1 || cells[0] !== '') this.decideRow(cells, row, result);
          row++;
        }
      } else {
        for (const record of block.records) this.decideRow(record.cells, record.row, result);
      }
    }
    if (this.lines.size > 0) result.chunks.push(this.lines.take());
    return result;
  }

  private decideRow(cells: string[], row: number, result: DecidedBlock): void {
    result.rows++;
    result.orderIds.push(cells[this.orderIdAt] ?? '');
    result.orderRows.push(row);
    const { line, problem } = this.outputLine(cells, row);
    const full = this.lines.add(line);
    if (full !== null) result.chunks.push(full);
    if (problem === null) result.decided++;
    else if (++result.errorCount <= MAX_REPORTED_ERRORS) result.errors.push(problem);
  }

  /** One input row decided: its output line, and its problem when it could not be decided. */
  private outputLine(cells: string[], row: number): { line: string; problem: RowProblem | null } {
    const { mapping } = this;
    const orderId = cells[this.orderIdAt] ?? '';
    // readRow's values already satisfy FactsSchema (typed by column), so decide() runs on them
    // directly and its own consistency check (requestedAt before paidAt...) is the row's error.
    const read = readRow(cells, row, mapping, 'facts');
    let problem = read.ok ? null : read.problem;
    if (read.ok) {
      try {
        const d = decide(read.value as Facts, { now: this.now });
        // At the policy zone's offset, as an export writes its instants.
        const closes = d.windowClosesAt === null ? '' : formatInPolicyOffset(Date.parse(d.windowClosesAt));
        // Only the order id comes from the file: every other cell is the rules' own vocabulary
        // (outcomes, ISO codes and instants, clause ids), which needs no quotes and starts no formula.
        const line =
          `${row},${csvCell(orderId, true)},${d.outcome},${d.refundAmount ?? ''},${d.currency},` +
          `${d.clauses.join(';')},${d.missing.join(';')},${closes},${d.policyVersion},${d.policyRevision},\r\n`;
        return { line, problem: null };
      } catch (error) {
        if (!(error instanceof InvalidFactsError)) throw error;
        const column = headerOfField(mapping, `facts.${error.field}`);
        problem = { row, column, message: column === null ? error.message : error.problem };
      }
    }
    const message = problem!.column === null ? problem!.message : `${problem!.column}: ${problem!.message}`;
    return {
      line: csvLine([row, orderId, null, null, null, null, null, null, null, null, message], true),
      problem,
    };
  }
}
