import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { privateFontConfig } from '../fonts';
import { CdpPipe } from './cdp-pipe';

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

// What Playwright's launch added to CHROMIUM_ARGS and the reports' look depends on (colours as
// sRGB, no scrollbars), or that keeps a throwaway profile from asking for a keyring or
// updating anything; the printer starts Chromium itself (see openPrinter).
const PRINTER_ARGS = [
  '--force-color-profile=srgb',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
  '--disable-breakpad',
  '--disable-field-trial-config',
  '--no-default-browser-check',
  '--password-store=basic',
  '--use-mock-keychain',
];

/** Long enough for a start on a machine under heavy load; a hung Chromium is then killed. */
const START_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 10_000;

/** Chromium started with its DevTools on a pipe, in a profile folder of its own. */
async function startChromium(executablePath: string) {
  const profile = await mkdtemp(join(tmpdir(), 'refund-console-chromium-'));
  // Only the app's own fonts: a report prints the same whatever fonts the machine has.
  const fontConfig = await privateFontConfig(profile).catch(async (error: unknown) => {
    await rm(profile, { recursive: true, force: true });
    throw error;
  });
  const child = spawn(
    executablePath,
    [
      ...CHROMIUM_ARGS,
      ...PRINTER_ARGS,
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      '--no-startup-window',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, FONTCONFIG_FILE: fontConfig },
    },
  );
  // The last of what it says, for the error if it never answers; read so it never blocks.
  let said = '';
  child.stderr!.on('data', (chunk: Buffer) => (said = (said + String(chunk)).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A CLI stopped by an error or Ctrl+C must not leave a browser behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    // A Chromium that never started (no pid) has no exit to wait for.
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(profile, { recursive: true, force: true });
  };
  const cdp = new CdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const failed = new Promise<never>((_, reject) => child.once('error', reject));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer in ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([cdp.send('Browser.getVersion'), failed, timeout]);
  } catch (error) {
    child.kill('SIGKILL');
    await stop();
    throw new PrinterUnavailableError(
      `Chromium (${executablePath}) did not start: ${(error as Error).message}${said === '' ? '' : `\n${said}`}`,
    );
  } finally {
    clearTimeout(timer);
  }
  return { cdp, stop };
}

/**
 * A page that can only show its own text: JavaScript off (a report is escaped HTML, but a
 * script that got through would still not run) and the network off (nothing is fetched).
 */
async function openPage(cdp: CdpPipe): Promise<{ sessionId: string; frameId: string }> {
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as {
    sessionId: string;
  };
  await Promise.all([
    cdp.send('Page.enable', {}, sessionId),
    cdp.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId),
    cdp
      .send('Network.enable', {}, sessionId)
      .then(() =>
        cdp.send(
          'Network.emulateNetworkConditions',
          { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
          sessionId,
        ),
      ),
  ]);
  const { frameTree } = (await cdp.send('Page.getFrameTree', {}, sessionId)) as {
    frameTree: { frame: { id: string } };
  };
  return { sessionId, frameId: frameTree.frame.id };
}

type PrinterPage = Awaited<ReturnType<typeof openPage>>;

/** The document laid out on the page, then printed as Playwright's page.pdf prints it. */
async function printPage(cdp: CdpPipe, { sessionId, frameId }: PrinterPage, html: string): Promise<Buffer> {
  const loaded = cdp.next('Page.loadEventFired', sessionId);
  await cdp.send('Page.setDocumentContent', { frameId, html }, sessionId);
  await loaded;
  const { data } = (await cdp.send(
    'Page.printToPDF',
    {
      printBackground: true,
      preferCSSPageSize: true,
      paperWidth: 8.5,
      paperHeight: 11,
      marginTop: 0,
      marginBottom: 0,
      marginLeft: 0,
      marginRight: 0,
      generateTaggedPDF: false,
      generateDocumentOutline: false,
    },
    sessionId,
  )) as { data: string };
  return Buffer.from(data, 'base64');
}

/**
 * One headless Chromium for any number of documents: a batch pays its start once. Pages have
 * JavaScript off and no network, so a report can only ever show its own text; each is reused,
 * a document replacing the last (a fresh page per document cost about 140 ms). With `pages`
 * above one, that many documents print at once (a batch keeps both cores busy: Chromium
 * lays out one while it writes the other's PDF).
 *
 * Chromium is driven over its DevTools pipe directly, not through playwright-core, whose
 * in-process driver (7 MB of bundled JavaScript) took 0.25 to 0.45 s to load before Chromium
 * could even start: a third of a one-case report's time.
 */
export async function openPrinter({ pages = 1 }: { pages?: number } = {}): Promise<Printer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new PrinterUnavailableError(
      `no Chromium at ${executablePath}: install it (apt-get install chromium) or set REFUND_CONSOLE_CHROMIUM`,
    );
  }
  const { cdp, stop } = await startChromium(executablePath);
  let idle: PrinterPage[];
  try {
    idle = await Promise.all(Array.from({ length: pages }, () => openPage(cdp)));
  } catch (error) {
    await cdp.send('Browser.close').catch(() => undefined);
    await stop();
    throw error;
  }
  const waiting: ((page: PrinterPage) => void)[] = [];
  const release = (page: PrinterPage) => {
    const next = waiting.shift();
    if (next === undefined) idle.push(page);
    else next(page);
  };
  return {
    pages,
    async pdf(html) {
      const page = idle.pop() ?? (await new Promise<PrinterPage>((resolve) => waiting.push(resolve)));
      try {
        return await printPage(cdp, page, html);
      } finally {
        release(page);
      }
    },
    async close() {
      await cdp.send('Browser.close').catch(() => undefined);
      await stop();
    },
  };
}
