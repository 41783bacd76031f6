import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The Electron binary cannot be downloaded on every machine (installs may set
// ELECTRON_SKIP_BINARY_DOWNLOAD=1). Where it is absent these tests say so and skip; wherever
// it exists they launch the real app. Electron is never faked.
const require = createRequire(import.meta.url);
const electronPackage = path.dirname(require.resolve('electron/package.json'));
const binaryPresent = existsSync(path.join(electronPackage, 'path.txt'));
if (!binaryPresent) {
  console.warn(
    'e2e/electron: skipped: the Electron binary is not installed here (node_modules/electron/path.txt is missing).',
  );
}

describe.skipIf(!binaryPresent)('the desktop app', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build:app'], { stdio: 'inherit' });
    execFileSync('npx', ['tsx', 'scripts/electron-native.ts'], { stdio: 'inherit' });
    const userData = mkdtempSync(path.join(tmpdir(), 'rc-electron-'));
    app = await electron.launch({
      executablePath: require('electron') as string,
      args: ['.', `--user-data-dir=${userData}`],
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 240_000);

  afterAll(async () => {
    await app?.close();
  });

  it('loads the console from its own origin with no Node in the page', async () => {
    expect(page.url()).toBe('app://console/index.html');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  it('runs the window sandboxed with context isolation', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const web = BrowserWindow.getAllWindows()[0]!.webContents;
      return (web as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('answers API calls through the preload bridge, from the real store', async () => {
    const result = await page.evaluate(() =>
      (
        window as unknown as { refundConsole: { invoke(m: string, p: unknown): Promise<unknown> } }
      ).refundConsole.invoke('settings.get', {}),
    );
    expect(result).toMatchObject({ ok: true });
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
