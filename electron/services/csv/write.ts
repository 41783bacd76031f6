// Spreadsheets run a cell that starts with one of these as a formula (OWASP, CSV injection).
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A text cell a spreadsheet will show as text: a would-be formula gets a leading quote. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV line (RFC 4180, CRLF); numbers go as they are, text is quoted only when needed. */
export function csvLine(cells: readonly (string | number | null)[], neutralise: boolean): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? null;
    let text = cell === null ? '' : typeof cell === 'number' ? String(cell) : cell;
    if (neutralise && typeof cell === 'string') text = neutraliseFormula(text);
    if (NEEDS_QUOTES.test(text)) text = `"${text.replaceAll('"', '""')}"`;
    line += i === 0 ? text : `,${text}`;
  }
  return `${line}\r\n`;
}
