// Spreadsheets run a cell that starts with one of these as a formula (OWASP, CSV injection).
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A text cell a spreadsheet will show as text: a would-be formula gets a leading quote. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell (RFC 4180): numbers as they are, text quoted only when needed. */
export function csvCell(cell: string | number | null, neutralise: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = neutralise ? neutraliseFormula(cell) : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (RFC 4180, CRLF). */
export function csvLine(cells: readonly (string | number | null)[], neutralise: boolean): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const text = csvCell(cells[i] ?? null, neutralise);
    line += i === 0 ? text : `,${text}`;
  }
  return `${line}\r\n`;
}
