import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler tool on the PDF written to a temp file (not every tool reads standard input). */
function poppler(tool: string, pdf: Uint8Array, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'rc-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      maxBuffer: 64 << 20,
    }).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A PDF's text as pdftotext reads it back: what a reader could copy out of it. With `layout`,
 * a table's row stays on one line; with `page`, only that page (from 1) is read.
 */
export const pdfText = (
  pdf: Uint8Array,
  { layout = false, page }: { layout?: boolean; page?: number } = {},
) =>
  poppler('pdftotext', pdf, [
    ...(layout ? ['-layout'] : []),
    ...(page === undefined ? [] : ['-f', String(page), '-l', String(page)]),
  ]);

/** pdffonts' rows: each font's name, type and whether it is embedded in the file. */
export function pdfFonts(pdf: Uint8Array): { name: string; type: string; embedded: boolean }[] {
  const [header, , ...rows] = poppler('pdffonts', pdf).split('\n');
  const typeAt = header!.indexOf('type');
  const encodingAt = header!.indexOf('encoding');
  const embAt = header!.indexOf('emb');
  return rows
    .filter((row) => row.trim() !== '')
    .map((row) => ({
      name: row.slice(0, typeAt).trim(),
      type: row.slice(typeAt, encodingAt).trim(),
      embedded: row.slice(embAt, embAt + 3) === 'yes',
    }));
}

/** pdfinfo's page size, e.g. "594.96 x 841.92 pts (A4)", and the page count. */
export function pdfInfo(pdf: Uint8Array): { pageSize: string; pages: number } {
  const text = poppler('pdfinfo', pdf);
  return {
    pageSize: /Page size:\s+(.*)/.exec(text)![1]!.trim(),
    pages: Number(/Pages:\s+(\d+)/.exec(text)![1]),
  };
}

/** Each page as a PNG at 60 dpi (pdftoppm) in `dir`, for a person to look at; returns the files. */
export function pdfPages(pdf: Uint8Array, dir: string, name: string): string[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, name)]);
  return readdirSync(dir)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png'))
    .map((entry) => join(dir, entry))
    .sort();
}
