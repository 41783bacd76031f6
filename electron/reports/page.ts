import type { Language } from '../../shared/model/languages';
import type { Paper } from '../../shared/model/period';
import { PRINT_FAMILIES, PRINT_MONO_STACK, PRINT_TEXT_STACK } from '../../shared/fonts/shipped';
import { fontFaceCss } from '../fonts';
import { cssString, html, SafeHtml } from './html';

export { PAPERS, type Paper } from '../../shared/model/period';

/** How a report is printed: its language and paper. */
export interface PrintOptions {
  language: Language;
  paper: Paper;
}

/** "page 2 of 5" in the report's language, from the two numbers. */
export type PageOf = (page: string, pages: string) => string;

const PAGE_SIZE: Record<Paper, string> = { a4: 'A4', letter: 'letter' };

/**
 * The page every report prints on. Page numbers and the footer text sit in the @page margin
 * boxes, so the document numbers its pages wherever it is printed (Chromium, Electron's
 * printToPDF, a browser's print dialog) without a separate header/footer template.
 */
function pageCss({ paper }: PrintOptions, footer: string, pageOf: PageOf): string {
  const numbers = pageOf('{page}', '{pages}')
    .split(/(\{page\}|\{pages\})/)
    .filter((piece) => piece !== '')
    .map((piece) =>
      piece === '{page}' ? 'counter(page)' : piece === '{pages}' ? 'counter(pages)' : cssString(piece),
    )
    .join(' ');
  const margin = `font: 8pt ${PRINT_TEXT_STACK}; color: #555;`;
  return `
@page {
  size: ${PAGE_SIZE[paper]};
  margin: 16mm 15mm 18mm;
  @bottom-left { content: ${cssString(footer)}; ${margin} }
  @bottom-right { content: ${numbers}; ${margin} }
}
* { box-sizing: border-box; }
html { font-family: ${PRINT_TEXT_STACK}; font-size: 9.5pt; line-height: 1.4; color: #111; }
body { margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 6mm 0 2mm; border-bottom: 0.4pt solid #999; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 10pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 1mm 0; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; }
th, td { text-align: start; vertical-align: top; padding: 1mm 1.5mm; border-bottom: 0.3pt solid #ccc; overflow-wrap: anywhere; }
th { font-weight: 600; color: #333; overflow-wrap: normal; }
tr { break-inside: avoid; }
section.block { break-inside: avoid; }
td.rule { white-space: nowrap; overflow-wrap: normal; }
table.fields th { width: 32%; }
td.when { white-space: nowrap; }
table.overrides td:first-child { width: 12%; }
table.overrides td:last-child { width: 34%; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.lead { font-size: 12pt; font-weight: 600; }
.muted { color: #555; }
.warning { color: #8a1c1c; font-weight: 600; }
.mono { font-family: ${PRINT_MONO_STACK}; font-size: 8.5pt; overflow-wrap: anywhere; }
.mono .word { white-space: nowrap; }
.long { white-space: pre-wrap; overflow-wrap: anywhere; }
.clause { margin: 1.5mm 0; break-inside: avoid; }
.clause .id { font-weight: 600; }
.sign { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm 12mm; margin-top: 6mm; break-inside: avoid; }
.sign .line { border-bottom: 0.6pt solid #111; height: 10mm; }
.sign .wide { grid-column: 1 / span 2; }
figure { margin: 2mm 0; break-inside: avoid; }
svg text { font-family: ${PRINT_TEXT_STACK}; }
`;
}

const PRINTABLE_ASCII = String.fromCharCode(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i));

/**
 * A whole printable document: inline CSS and the pieces of the shipped fonts its text uses,
 * nothing fetched, the footer and page numbers in it.
 */
export async function documentHtml(
  options: PrintOptions,
  { title, footer, pageOf, body }: { title: string; footer: string; pageOf: PageOf; body: SafeHtml },
): Promise<string> {
  const css = pageCss(options, footer, pageOf);
  // Every character the page can print: its text, the footer and the page numbers' words, and
  // all of printable ASCII (the body's text holds "<", "&" and quotes as entities).
  const fonts = await fontFaceCss(
    `${PRINTABLE_ASCII}${title}${footer}${pageOf('', '')}${body.text}`,
    PRINT_FAMILIES,
  );
  return html`<!doctype html>
    <html lang="${options.language === 'zh' ? 'zh-CN' : 'en'}">
      <head>
        <meta charset="utf-8" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
        />
        <title>${title}</title>
        <style>
          ${new SafeHtml(`${fonts}\n${css}`.replaceAll('</', '<\\/'))}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html> `.text;
}
