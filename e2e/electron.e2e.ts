import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseChange, CaseDetail } from '../shared/model/case';
import { decide } from '../shared/policy/decide';

// The Electron binary cannot be downloaded on every machine (installs may set
// ELECTRON_SKIP_BINARY_DOWNLOAD=1). Where it is absent these tests say so and skip; wherever
// it exists they pack the app as `npm run dist` does (the unpacked folder, from the real
// Electron, with the real Electron-ABI better-sqlite3) and launch that. Electron is never faked.
//
// One difference from a release: the fuses are not flipped (-c.afterPack=null), because
// Playwright drives Electron's main process through the Node inspector, which the
// EnableNodeCliInspectArguments fuse switches off. `npm run check:package` checks the fuses.
const require = createRequire(import.meta.url);
const electronPackage = path.dirname(require.resolve('electron/package.json'));
const binaryPresent = existsSync(path.join(electronPackage, 'path.txt'));
if (!binaryPresent) {
  console.warn(
    'e2e/electron: skipped: the Electron binary is not installed here (node_modules/electron/path.txt is missing); ' +
      'run `npm rebuild electron` where github.com is reachable to run these tests.',
  );
}

/** The packed app's executable in electron-builder's unpacked folder for this platform. */
function packedExecutable(output: string): string {
  if (process.platform === 'win32') return path.join(output, 'win-unpacked', 'Refund Console.exe');
  if (process.platform === 'darwin') {
    const folder = process.arch === 'arm64' ? 'mac-arm64' : 'mac';
    return path.join(output, folder, 'Refund Console.app', 'Contents', 'MacOS', 'Refund Console');
  }
  return path.join(output, 'linux-unpacked', 'refund-console');
}

type Answer = Promise<{ ok: boolean; value?: unknown }>;
type Bridge = {
  invoke(method: string, payload: unknown): Answer;
  openFile(request: unknown): Answer;
  saveFile(request: unknown): Answer;
  printReport(request: unknown): Answer;
};
/** The preload's bridge as the page sees it (evaluated in the page). */
type WithBridge = { refundConsole?: Bridge };

describe.skipIf(!binaryPresent)('the packaged desktop app', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build:app'], { stdio: 'inherit' });
    execFileSync('npx', ['tsx', 'scripts/electron-native.ts'], { stdio: 'inherit' });
    const output = mkdtempSync(path.join(tmpdir(), 'rc-electron-pack-'));
    execFileSync(
      'npx',
      [
        'electron-builder',
        '--dir',
        '--publish',
        'never',
        `-c.electronDist=${path.join(electronPackage, 'dist')}`,
        `-c.directories.output=${output}`,
        '-c.afterPack=null',
      ],
      { stdio: 'inherit' },
    );
    const userData = mkdtempSync(path.join(tmpdir(), 'rc-electron-'));
    app = await electron.launch({
      executablePath: packedExecutable(output),
      args: [`--user-data-dir=${userData}`],
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  });

  it('loads the console from its own origin with no Node in the page', async () => {
    expect(page.url()).toBe('app://console/index.html');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  it('runs packaged, with the native module loaded from beside the asar', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)).toBe(true);
    if (process.platform !== 'linux') return; // the mapped files are read from /proc below
    const maps = await app.evaluate(async () =>
      (await import('node:fs')).readFileSync('/proc/self/maps', 'utf8'),
    );
    const sqlite = maps.split('\n').find((line) => line.endsWith('better_sqlite3.node'));
    expect(sqlite).toMatch(/app\.asar\.unpacked\/out\/native\/electron-v[^/]+\/better_sqlite3\.node$/);
  });

  it('runs the window sandboxed with context isolation', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const web = BrowserWindow.getAllWindows()[0]!.webContents;
      return (web as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('records a decision through the preload bridge, in the real store', async () => {
    const invoke = <T>(method: string, payload: unknown) =>
      page.evaluate(
        async ([name, body]) => {
          const bridge = (window as WithBridge).refundConsole!;
          return bridge.invoke(name, body);
        },
        [method, payload] as const,
      ) as Promise<{ ok: boolean; value: T }>;
    expect((await invoke('settings.set', { agentName: 'Mei Lin' })).ok).toBe(true);
    const created = await invoke<CaseChange>('cases.create', {
      customer: { name: 'Ada Chen', accountId: 'acc-1' },
      orderId: 'ORD-1',
      productName: 'SaaS plan',
      provider: 'Northwind Cloud',
      assignee: 'Mei Lin',
      facts: {
        productType: 'saas',
        orderAmount: 9900,
        paidAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      },
    });
    expect(created.ok).toBe(true);
    const { summary, facts } = created.value.detail;
    const { outcome, refundAmount } = decide(facts, { now: Date.now() });
    const decided = await invoke<CaseChange>('decisions.record', {
      ref: summary.ref,
      agent: 'Mei Lin',
      revision: summary.revision,
      seen: { outcome, refundAmount },
    });
    expect(decided.ok).toBe(true);
    const stored = await invoke<CaseDetail>('cases.get', { ref: summary.ref });
    expect(stored.value.decisions.at(-1)).toMatchObject({ agent: 'Mei Lin', decision: { outcome } });
  });

  it('denies new windows and navigation away from the console', async () => {
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://console/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  it('offers the page only its narrow bridge, and refuses a dialog request the schema does not accept', async () => {
    expect(await page.evaluate(() => Object.keys((window as WithBridge).refundConsole ?? {}).sort())).toEqual(
      ['invoke', 'onMenuCommand', 'openFile', 'printReport', 'saveFile'],
    );
    const refused = await page.evaluate(() =>
      (window as WithBridge).refundConsole!.openFile({ purpose: 'anything' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('exports through the save dialog and prints a report to PDF', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'rc-electron-files-'));
    // The OS dialog is the one part no test can click: its answer is set in the main process.
    const answer = async (file: string) =>
      app.evaluate(({ dialog }, chosen) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as never;
      }, file);
    await answer(path.join(folder, 'cases'));
    const saved = await page.evaluate(() =>
      (window as WithBridge).refundConsole!.saveFile({ purpose: 'export-json', suggestedName: 'x.json' }),
    );
    expect(saved).toEqual({ ok: true, value: { file: path.join(folder, 'cases.json') } });
    const written = await page.evaluate(
      (file) => (window as WithBridge).refundConsole!.invoke('exports.write', { format: 'json', file }),
      path.join(folder, 'cases.json'),
    );
    expect(written).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(path.join(folder, 'cases.json'), 'utf8'))).toEqual(expect.any(Array));

    await answer(path.join(folder, 'report.pdf'));
    const printed = await page.evaluate(() =>
      (window as WithBridge).refundConsole!.printReport({ html: '<h1>Report</h1><p>三月</p>', paper: 'a4' }),
    );
    expect(printed).toEqual({ ok: true, value: { file: path.join(folder, 'report.pdf') } });
    expect(readFileSync(path.join(folder, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('serves the console with a strict Content-Security-Policy', async () => {
    const blocked = await page.evaluate(() => {
      try {
        return eval('1') !== 1;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
  });
});
