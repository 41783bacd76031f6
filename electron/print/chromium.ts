import { existsSync } from 'node:fs';
import type { BrowserType } from 'playwright-core';

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

/** Debian's Chromium unless REFUND_CONSOLE_CHROMIUM names another. */
export const chromiumPath = (): string => process.env.REFUND_CONSOLE_CHROMIUM ?? '/usr/bin/chromium';

export class PrinterUnavailableError extends Error {}

export interface Printer {
  /** The document as PDF; its own @page rule sets the paper, margins and footer. */
  pdf(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * One headless Chromium for any number of documents: a batch pays its start once. Each
 * document gets a fresh page with JavaScript off and no network, so a report can only ever
 * show its own text.
 */
export async function openPrinter(): Promise<Printer> {
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
  return {
    async pdf(html) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
