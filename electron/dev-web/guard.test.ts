import { describe, expect, it } from 'vitest';
import { refusal, type GuardOptions } from './guard';

const OPTIONS: GuardOptions = {
  root: '/repo/renderer',
  sourceRoots: ['/repo/renderer', '/repo/shared', '/repo/node_modules'],
  storeFile: '/repo/renderer/data/cases.sqlite',
  backupDir: '/repo/renderer/data/backups',
};
const check = (url: string) => refusal(url, OPTIONS);

describe('the dev server guard', () => {
  it('lets the renderer’s sources, shared code, packages and Vite’s own ids through', () => {
    for (const url of [
      '/',
      '/main.tsx?t=1',
      '/api/client.ts',
      '/api/cases.list',
      '/@fs/repo/shared/policy/decide.ts',
      '/@fs/repo/node_modules/.vite/deps/react.js?v=1',
      '/@vite/client',
      '/@react-refresh',
      '/@id/__x00__react/jsx-dev-runtime',
    ]) {
      expect(check(url), url).toBeNull();
    }
  });

  it('refuses the store, its journal, copies kept beside it and its backups, however named', () => {
    for (const url of [
      '/data/cases.sqlite',
      '/data/cases.sqlite-wal',
      '/data/cases.sqlite.before-restore',
      '/data/backups/cases-20260301.sqlite',
      '/data/backups/index.txt',
      '/@fs/repo/renderer/data/cases.sqlite?raw',
      '/data%2fcases.sqlite',
      '/data/%63ases.sqlite',
      '/other/place.db',
    ]) {
      expect(check(url), url).toMatch(/never served/);
    }
  });

  it('checks /@id/ paths too: only virtual modules and package names pass on their own', () => {
    expect(check('/@id/react/jsx-dev-runtime')).toBeNull();
    expect(check('/@id//repo/shared/policy/decide.ts')).toBeNull();
    expect(check('/@id//repo/renderer/data/cases.sqlite')).toMatch(/never served/);
    expect(check('/@id/%2Frepo/renderer/data/backups/x.txt')).toMatch(/never served/);
    expect(check('/@id//etc/passwd')).toMatch(/not one of the console’s sources/);
    expect(check('/@id/../../package.json')).toMatch(/not one of the console’s sources/);
    expect(check('/@id/react/../../../etc/passwd')).toMatch(/not one of the console’s sources/);
  });

  it('refuses what lies outside the sources, by /@fs/ or by climbing out of the root', () => {
    for (const url of [
      '/@fs/repo/package.json',
      '/@fs/etc/passwd',
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%252e%252e%252fpackage.json',
    ]) {
      expect(check(url), url).toMatch(/not one of the console’s sources/);
    }
  });

  it('refuses paths it cannot read plainly', () => {
    expect(check('/%E4')).toBe('malformed path');
    expect(check('/a%00b')).toBe('malformed path');
    expect(check('/..%5cpackage.json')).toBe('malformed path');
  });
});
