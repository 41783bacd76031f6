import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { privateFontConfig } from '../electron/fonts';
import { startHost, type RunningServer } from '../electron/host';
import { CHROMIUM_ARGS } from '../electron/print';
import type { CaseChange, CaseDetail } from '../shared/model/case';
import type { SettingsPatch } from '../shared/model/settings';
import { decide } from '../shared/policy';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('e2e/artifacts');
export const AXE = path.resolve('node_modules/axe-core/axe.min.js');

/** CI installs Debian's Chromium; a missing one is a failure to fix, never a silent skip. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does.`,
    );
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `rc-${prefix}-`));
}

/** Builds the renderer into its own folder, so e2e files running side by side never share one. */
export async function buildRenderer(): Promise<string> {
  const outDir = tempDir('renderer');
  await build({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

export async function launch(
  options: { width?: number; height?: number; bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  requireChromium();
  const profile = tempDir('profile');
  // The console is seen, measured and screenshotted in its shipped fonts alone: the browser
  // sees none of this machine's, so no test passes or fails by what happens to be installed.
  const fonts = tempDir('fontconfig');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, FONTCONFIG_FILE: await privateFontConfig(fonts) },
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    bypassCSP: options.bypassCSP ?? false,
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(fonts, { recursive: true, force: true });
    },
  };
}

/** Opens the console the way an agent does: the host's URL with its token in the fragment. */
export async function openConsole(page: Page, host: RunningServer): Promise<void> {
  await page.goto(`${host.url}/#token=${host.token}`);
  await page.locator('.topbar').waitFor();
}

export interface ConsoleHostOptions {
  /** Names the store's temporary folder, so a failing file's leftovers say whose they are. */
  name: string;
  /** An existing store file (a damaged one, say); a new one in a temporary folder otherwise. */
  dbFile?: string;
  /** Set before the page opens; the agent is Mei Lin unless `agentName` says otherwise. */
  settings?: SettingsPatch;
  /** Leaves the settings as the store has them (a damaged store, a test that names the agent itself). */
  keepSettings?: boolean;
  /** Fills the store through the API before the page opens. */
  seed?: (host: RunningServer) => Promise<void>;
  width?: number;
  height?: number;
  /** Only for axe, whose script tag the strict CSP forbids. */
  bypassCSP?: boolean;
}

export interface ConsoleHost {
  /** The running host; `restartHost` replaces it. */
  host: RunningServer;
  page: Page;
  /** Stops the host and starts it again on the same store and renderer, and reopens the console. */
  restartHost(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What every e2e file starts with: a renderer build of its own, the host on a real store file,
 * the agent's name set, the store seeded, and Chromium on the console's URL.
 */
export async function startConsoleHost(options: ConsoleHostOptions): Promise<ConsoleHost> {
  const staticDir = await buildRenderer();
  const dbFile = options.dbFile ?? path.join(tempDir(`${options.name}-db`), 'cases.sqlite');
  const host = await startHost({ dbFile, staticDir });
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    if (options.keepSettings !== true) {
      await callApi(host, 'settings.set', { agentName: 'Mei Lin', ...options.settings });
    }
    await options.seed?.(host);
    browser = await launch(options);
    await openConsole(browser.page, host);
  } catch (error) {
    await browser?.close();
    await host.close();
    throw error;
  }
  const started: ConsoleHost = {
    host,
    page: browser.page,
    restartHost: async () => {
      await started.host.close();
      started.host = await startHost({ dbFile, staticDir });
      await openConsole(started.page, started.host);
    },
    close: async () => {
      await browser.close();
      await started.host.close();
    },
  };
  return started;
}

/** Waits until every font piece the page's text has asked for is loaded, so it measures as it shows. */
export async function fontsLoaded(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await fontsLoaded(page);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** The API as a test needs it to seed data, through the same loopback transport. */
export async function callApi<T>(host: RunningServer, method: string, payload: unknown): Promise<T> {
  const response = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** Records a decision the way the console does: on the revision read, with what the rules say now. */
export async function recordAsSeen(host: RunningServer, ref: string, agent: string): Promise<CaseChange> {
  const detail = await callApi<CaseDetail>(host, 'cases.get', { ref });
  const { outcome, refundAmount } = decide(detail.facts, { now: Date.now() });
  return callApi<CaseChange>(host, 'decisions.record', {
    ref,
    agent,
    revision: detail.summary.revision,
    seen: { outcome, refundAmount },
  });
}

/**
 * `<input type="datetime-local">` text for an instant on the policy zone's clock (UTC+8): the
 * console reads its date inputs there by default, although the browser runs in Europe/Berlin.
 */
export function localInput(ms: number): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Etc/GMT-8',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
  return parts.replace(' ', 'T');
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core in the page; only serious and critical findings fail the screen. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
