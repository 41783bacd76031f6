// Case reports to PDF: one case including Chromium's start (goal <= 1 s) and a batch of 1,000
// through one browser (goal <= 2 min), against Chromium's bare launch and the HTML alone in the
// same run. BENCH_REPORTS sets the batch size (default 1,000), BENCH_RUNS the single-case runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, openPrinter } from '../../electron/print';
import { caseReportData, caseReportHtml } from '../../electron/reports';
import { formatRef, importCases, openStore, recordDecision } from '../../electron/store';
import { generatedChunks } from '../../electron/store/test-support/generate';
import { writeCaseReports } from '../../cli/commands/report-case';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const NOW = Date.parse('2026-03-02T00:00:00Z');
// A folder per size: the CLI's store opening keeps backups beside the file.
const DIR = join(import.meta.dirname, '..', '.data', 'report', String(REPORTS));
const DB = join(DIR, 'cases.sqlite');
const OUT = join(DIR, 'out');
const OPTIONS = { language: 'en', paper: 'a4' } as const;

mkdirSync(DIR, { recursive: true });
if (!existsSync(DB)) {
  const store = openStore({ file: DB, now: () => NOW, autoBackup: false });
  for (const chunk of generatedChunks(REPORTS, 10_000, NOW)) importCases(store, chunk, 'bench');
  store.db.pragma('synchronous = OFF');
  for (let id = 1; id <= REPORTS; id++) recordDecision(store, { ref: formatRef(id), agent: 'bench' });
  store.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function bareLaunch(): Promise<number> {
  const start = performance.now();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  await browser.close();
  return performance.now() - start;
}

/**
 * What `report REF --out FILE` does once Node runs: Chromium starts while the case is read
 * and its HTML built (the CLI starts it before opening the store), then one PDF, then stop.
 */
async function oneCase(ref: string): Promise<number> {
  const start = performance.now();
  const starting = openPrinter();
  const html = await caseReportHtml(caseReportData(store, ref), OPTIONS);
  const printer = await starting;
  writeFileSync(join(OUT, `${ref}.pdf`), await printer.pdf(html));
  await printer.close();
  return performance.now() - start;
}

/** Every case through the CLI's own batch writer (as `report --batch`: one browser, two pages). */
async function batch(format: 'pdf' | 'html'): Promise<number> {
  const start = performance.now();
  const targets = Array.from({ length: REPORTS }, (_, i) => {
    const ref = formatRef(i + 1);
    return { ref, out: join(OUT, `${ref}.${format}`) };
  });
  await writeCaseReports({ store, format, print: OPTIONS, force: true }, targets);
  return performance.now() - start;
}

/** The whole command line, Node's start and the store's opening included. */
function cliOnce(): number {
  const start = performance.now();
  const result = spawnSync(
    'node',
    ['bin/refund-console.js', '--db', DB, 'report', 'RC-000001', '--out', join(OUT, 'cli.pdf'), '--force'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`the CLI failed (${result.status})`);
  return performance.now() - start;
}

const loadAtStart = loadavg()[0]!;
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT);
await bareLaunch();
// The CLI opens the store itself (and locks it), so it runs before this process opens it.
const clis = Array.from({ length: RUNS }, cliOnce);
const store = openStore({ file: DB, autoBackup: false });
const launches: number[] = [];
const singles: number[] = [];
for (let i = 0; i < RUNS; i++) {
  launches.push(await bareLaunch());
  singles.push(await oneCase(formatRef(1 + i)));
}
const htmlBatch = await batch('html');
const pdfBatch = await batch('pdf');
store.close();

console.log(`Load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.\n`);
console.log(`| what | median of ${RUNS} (batch: one run) | note |`);
console.log('| --- | ---: | --- |');
console.log(`| Chromium launch + close (baseline) | ${seconds(median(launches))} | |`);
console.log(`| one case to PDF, Chromium start included | ${seconds(median(singles))} | goal <= 1 s |`);
console.log(
  `| \`refund-console report REF\` end to end | ${seconds(median(clis))} | Node start, store open, PDF |`,
);
console.log(`| ${REPORTS} case reports as HTML (baseline) | ${seconds(htmlBatch)} | |`);
console.log(`| ${REPORTS} case reports as PDF, one browser | ${seconds(pdfBatch)} | goal <= 120 s |`);
