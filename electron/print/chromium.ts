import { existsSync } from 'node:fs';
import type { BrowserType, Page } from 'playwright-core';

/** The flags the e2e harness runs Chromium with: headless, no sandbox, nothing phoned home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Debian's /usr/bin/chromium is a shell script that greps /proc/cpuinfo, sources
// /etc/chromium.d and then runs the browser below it: starting the browser itself saves those
// processes (about 0.1 s of a report's start on a busy machine).
const DEBIAN_CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/** Debian's Chromium unless REFUND_CONSOLE_CHROMIUM names another. */
export const chromiumPath = (): string =>
  process.env.REFUND_CONSOLE_CHROMIUM ??
  DEBIAN_CHROMIUM.find((path) => existsSync(path)) ??
  DEBIAN_CHROMIUM[1]!;

export class PrinterUnavailableError extends Error {}

export interface Printer {
  /** The document as PDF; its own @page rule sets the paper, margins and footer. */
  pdf(html: string): Promise<Buffer>;
  /** How many documents it prints at once: more calls than this wait for a page. */
  readonly pages: number;
  close(): Promise<void>;
}

/**
 * One headless Chromium for any number of documents: a batch pays its start once. Pages have
 * JavaScript off and no network, so a report can only ever show its own text; each is reused,
 * a document replacing the last (a fresh page per document cost about 140 ms). With `pages`
 * above one, that many documents print at once (a batch keeps both cores busy: Chromium
 * lays out one while it writes the other's PDF).
 */
export async function openPrinter({ pages = 1 }: { pages?: number } = {}): Promise<Printer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new PrinterUnavailableError(
      `no Chromium at ${executablePath}: install it (apt-get install chromium) or set REFUND_CONSOLE_CHROMIUM`,
    );
  }
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new PrinterUnavailableError('printing PDF needs the playwright-core package (npm install)');
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  const idle: Page[] = await Promise.all(Array.from({ length: pages }, () => context.newPage()));
  const waiting: ((page: Page) => void)[] = [];
  const release = (page: Page) => {
    const next = waiting.shift();
    if (next === undefined) idle.push(page);
    else next(page);
  };
  return {
    pages,
    async pdf(html) {
      const page = idle.pop() ?? (await new Promise<Page>((resolve) => waiting.push(resolve)));
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        release(page);
      }
    },
    close: () => browser.close(),
  };
}
