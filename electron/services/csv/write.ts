// Spreadsheets run a cell that starts with one of these as a formula (OWASP, CSV injection).
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A text cell a spreadsheet will show as text: a would-be formula gets a leading quote. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

// Most cells need neither: one test lets them through as they are.
const NEEDS_CARE = /^[=+\-@\t\r\n]|[",\r\n]/;

/** One CSV cell (RFC 4180): numbers as they are, text quoted only when needed. */
export function csvCell(cell: string | number | null, neutralise: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (!NEEDS_CARE.test(cell)) return cell;
  const text = neutralise ? neutraliseFormula(cell) : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (RFC 4180, CRLF). */
export function csvLine(cells: readonly (string | number | null)[], neutralise: boolean): string {
  const texts = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) texts[i] = csvCell(cells[i] ?? null, neutralise);
  return `${texts.join(',')}\r\n`;
}

/**
 * Lines gathered as UTF-8 bytes, handed out a block at a time. Adding a million short lines
 * to one string builds a tree of string pieces that the garbage collector walks and that must
 * be flattened before writing; encoding each line into a block as it comes costs a fraction.
 */
export class LineBlocks {
  private block: Buffer;
  private used = 0;

  constructor(private readonly blockBytes: number) {
    this.block = Buffer.allocUnsafe(blockBytes);
  }

  /** Adds a line; returns a full block to write when this one had no room left for it. */
  add(line: string): Buffer | null {
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    if (this.used + line.length * 3 <= this.blockBytes) {
      this.used += this.block.write(line, this.used);
      return null;
    }
    const full = this.take();
    if (line.length * 3 > this.blockBytes) return Buffer.concat([full, Buffer.from(line)]);
    this.used = this.block.write(line, 0);
    return full;
  }

  /** The bytes gathered so far; the next lines go to a fresh block (the stream keeps this one). */
  take(): Buffer {
    const full = this.block.subarray(0, this.used);
    this.block = Buffer.allocUnsafe(this.blockBytes);
    this.used = 0;
    return full;
  }

  get size(): number {
    return this.used;
  }
}
