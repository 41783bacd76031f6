// What the shipped fonts cost: the files the console ships (after `npm run build:app`, or
// `vite build` and `tsx scripts/copy-fonts.ts`), the pieces a Chinese case report inlines, and
// its print time against the same report with its fonts taken out, printed by the same browser
// in turn (a ratio, so a noisy machine shows as spread, not as a wrong figure).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openPrinter } from '../../electron/print';
import { caseReportData, caseReportHtml } from '../../electron/reports';
import { hostileCase } from '../../electron/reports/test-support/cases';
import { tempStore } from '../../electron/store/test-support/temp-store';
import { pieceFileName, SHIPPED_FONTS } from '../../shared/fonts/shipped';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const ASSETS = path.resolve('out/renderer/assets');
const KB = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const pieces = readdirSync(path.join(ASSETS, 'fonts'));
console.log(
  `load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
);
// A piece is named after its package (pieceFileName): the longest name that starts it is its own.
const owner = (name: string) =>
  SHIPPED_FONTS.filter((font) => pieceFileName(font, name) === name).sort(
    (a, b) => b.package.length - a.package.length,
  )[0];
for (const font of SHIPPED_FONTS) {
  const own = pieces.filter((name) => owner(name) === font);
  const bytes = own.reduce((sum, name) => sum + statSync(path.join(ASSETS, 'fonts', name)).size, 0);
  console.log(`${font.family}: ${own.length} pieces, ${MB(bytes)}`);
}
const total = pieces.reduce((sum, name) => sum + statSync(path.join(ASSETS, 'fonts', name)).size, 0);
console.log(`all fonts: ${pieces.length} pieces, ${MB(total)}`);
const css = readdirSync(ASSETS)
  .filter((name) => name.endsWith('.css'))
  .map((name) => readFileSync(path.join(ASSETS, name)));
console.log(`console CSS: ${KB(css[0]!.length)}, ${KB(gzipSync(css[0]!, { level: 9 }).length)} gzip`);

const temp = tempStore();
try {
  const data = caseReportData(temp.store, hostileCase(temp.store));
  const withFonts = await caseReportHtml(data, { language: 'zh', paper: 'a4' });
  const withoutFonts = withFonts.replace(/@font-face \{[^}]*\}\n?/g, '');
  console.log(
    `Chinese case report HTML: ${KB(withFonts.length)} (${KB(withoutFonts.length)} without its fonts)`,
  );
  const printer = await openPrinter();
  try {
    await printer.pdf(withFonts);
    const ratios: number[] = [];
    const times: number[] = [];
    let pdfBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      const pdf = await printer.pdf(withFonts);
      const fonts = performance.now() - start;
      start = performance.now();
      await printer.pdf(withoutFonts);
      const bare = performance.now() - start;
      pdfBytes = pdf.length;
      times.push(fonts);
      ratios.push(fonts / bare);
    }
    console.log(
      `print, warm browser: median ${median(times).toFixed(0)} ms with fonts; with/without ratio median ${median(ratios).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}); PDF ${KB(pdfBytes)}`,
    );
  } finally {
    await printer.close();
  }
} finally {
  temp.cleanup();
}
