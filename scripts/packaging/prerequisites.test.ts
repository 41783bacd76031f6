import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagingFailure } from './prerequisites';

const require = createRequire(import.meta.url);
const electronPackage = path.dirname(require.resolve('electron/package.json'));
const binaryPresent = existsSync(path.join(electronPackage, 'path.txt'));

const runScript = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [require.resolve('tsx/cli'), script, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });

/** A few lines, each one saying something, and no stack. */
function expectShortMessage(text: string): void {
  const lines = text.trim().split('\n');
  expect(lines.length).toBeLessThanOrEqual(8);
  expect(text).not.toMatch(/gyp ERR|\n\s+at /);
  expect(text).toContain('npm run dev:web');
}

describe('what npm start and npm run dist say where Electron cannot be had', () => {
  it.skipIf(binaryPresent)('npm start names the missing Electron binary and how to get it', () => {
    const result = runScript('scripts/electron-native.ts', '--need-binary');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('binary is not installed');
    expect(result.stderr).toContain('npm rebuild electron');
    expectShortMessage(result.stderr);
  });

  it('the native build either succeeds or names what could not be fetched, with its log file', () => {
    const result = runScript('scripts/electron-native.ts');
    if (result.status === 0) {
      expect(result.stdout).toMatch(/better-sqlite3 for Electron|^$/);
      return;
    }
    expect(result.stderr).toContain('electronjs.org/headers');
    const logFile = /output is in (\S+)\.$/m.exec(result.stderr)?.[1];
    expect(logFile && existsSync(logFile)).toBe(true);
    expectShortMessage(result.stderr);
  });

  it.skipIf(binaryPresent)(
    'npm run dist says it cannot package here, and points at the layout check',
    () => {
      const result = runScript('scripts/dist.ts');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('npm run dist cannot package the app here');
      expect(result.stderr).toContain('npm run check:package');
      expect(result.stderr).not.toMatch(/gyp ERR|\n\s+at /);
      expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(14);
    },
    120_000,
  );
});

describe('why packaging failed', () => {
  it('names a download that could not be made', () => {
    const output =
      '  • downloading url=https://github.com/electron/electron/releases/…\n⨯ getaddrinfo ENOTFOUND github.com\n    at x';
    expect(packagingFailure(output)).toBe('a download failed (getaddrinfo ENOTFOUND github.com)');
  });

  it('keeps only the failing host from a long error line', () => {
    const output =
      '⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com';
    expect(packagingFailure(output)).toBe('a download failed (getaddrinfo ENOTFOUND github.com)');
    expect(packagingFailure('connect ECONNREFUSED 10.0.0.1:443')).toBe(
      'a download failed (ECONNREFUSED 10.0.0.1)',
    );
  });

  it('otherwise quotes electron-builder’s last lines', () => {
    expect(packagingFailure('one\n\ntwo\nthree\nfour\n')).toBe('two / three / four');
    expect(packagingFailure('')).toBe('electron-builder failed without saying why');
  });
});
