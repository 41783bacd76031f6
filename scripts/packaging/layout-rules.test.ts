import { describe, expect, it } from 'vitest';
import { FONT_ENTRIES, fuseProblems, layoutProblems } from './layout-rules';

const good = {
  asar: [
    '/out',
    '/out/electron',
    '/out/electron/main.js',
    '/out/electron/preload.cjs',
    '/out/renderer',
    '/out/renderer/index.html',
    '/out/renderer/assets',
    '/out/renderer/assets/index-abc.js',
    '/out/renderer/assets/fonts/noto-sans-sc-4-400-normal.woff2',
    '/out/fonts/harfbuzz-subset.wasm',
    ...FONT_ENTRIES,
    '/out/native',
    '/out/native/electron-v41.7.1',
    '/out/native/electron-v41.7.1/better_sqlite3.node',
    '/package.json',
  ],
  unpacked: ['out/native/electron-v41.7.1/better_sqlite3.node'],
};

describe('the package layout rules', () => {
  it('accept the layout the app needs', () => {
    expect(layoutProblems(good, '41.7.1')).toEqual([]);
  });

  it('want the fonts: the console’s, and each shipped font’s licence beside the reports’ copy', () => {
    const licence = '/out/fonts/@infolektuell/noto-color-emoji/LICENSE';
    const without = good.asar.filter((entry) => entry !== licence && !entry.endsWith('.woff2'));
    expect(layoutProblems({ ...good, asar: without }, '41.7.1')).toEqual([
      `missing from app.asar: ${licence}`,
      'missing from app.asar: the console’s fonts in out/renderer/assets/fonts',
    ]);
  });

  it.each([
    ['/node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules'],
    ['/out/electron/main.js.map', 'source map'],
    ['/electron/shell/main.ts', 'TypeScript source'],
    ['/shared/policy/decide.test.ts', 'a test'],
    ['/bench/README.md', 'a source, test or tooling folder'],
    ['/e2e/harness.js', 'a source, test or tooling folder'],
    ['/README.md', 'not something the app needs'],
    [
      '/out/fonts/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
      'not something the app needs',
    ],
    ['/out/fonts/@fontsource/noto-sans/README.md', 'not something the app needs'],
  ])('flag %s', (entry, reason) => {
    const problems = layoutProblems({ ...good, asar: [...good.asar, entry] }, '41.7.1');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(reason);
    expect(problems[0]).toContain(entry);
  });

  it('require the entry points and the renderer script', () => {
    const asar = good.asar.filter((entry) => !entry.endsWith('main.js') && !entry.endsWith('.js'));
    expect(layoutProblems({ ...good, asar }, '41.7.1')).toEqual([
      'missing from app.asar: /out/electron/main.js',
      'missing from app.asar: the renderer script in out/renderer/assets',
    ]);
  });

  it('require the native module of this Electron outside the asar, and nothing else there', () => {
    expect(layoutProblems({ ...good, unpacked: [] }, '41.7.1')).toEqual([
      'missing from app.asar.unpacked: out/native/electron-v41.7.1/better_sqlite3.node',
    ]);
    expect(layoutProblems(good, '41.8.0')).toContain(
      'missing from app.asar.unpacked: out/native/electron-v41.8.0/better_sqlite3.node',
    );
    expect(
      layoutProblems({ ...good, unpacked: [...good.unpacked, 'out/renderer/index.html'] }, '41.7.1'),
    ).toEqual(['unpacked but should stay in the asar: out/renderer/index.html']);
  });

  it('name a native build left from an earlier Electron, which out/native/** would ship', () => {
    const stale = {
      asar: [
        ...good.asar,
        '/out/native/electron-v40.1.0',
        '/out/native/electron-v40.1.0/better_sqlite3.node',
      ],
      unpacked: [...good.unpacked, 'out/native/electron-v40.1.0/better_sqlite3.node'],
    };
    expect(layoutProblems(stale, '41.7.1')).toEqual([
      'in app.asar but built for another Electron (a stale out/native folder): /out/native/electron-v40.1.0',
      'in app.asar but built for another Electron (a stale out/native folder): /out/native/electron-v40.1.0/better_sqlite3.node',
      'unpacked but built for another Electron: out/native/electron-v40.1.0/better_sqlite3.node',
    ]);
  });
});

describe('the fuse comparison', () => {
  const indexOf = { RunAsNode: 0, EnableCookieEncryption: 1 };
  const on = 49;
  const off = 48;

  it('passes a wire that matches the settings', () => {
    expect(
      fuseProblems({ 0: off, 1: on }, { RunAsNode: false, EnableCookieEncryption: true }, indexOf),
    ).toEqual([]);
  });

  it('names each fuse left in the wrong state, absent or unknown', () => {
    expect(
      fuseProblems({ 0: on }, { RunAsNode: false, EnableCookieEncryption: true, Nope: true }, indexOf),
    ).toEqual([
      'fuse RunAsNode should be off in the packed binary, found "1"',
      'fuse EnableCookieEncryption should be on in the packed binary, found absent',
      'unknown fuse: Nope',
    ]);
  });
});
