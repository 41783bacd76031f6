import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAIN_BUNDLE, PRELOAD_BUNDLE } from './electron-bundles';

describe('the preload bundle', () => {
  it('holds channel names and command checks, not a schema library', async () => {
    const result = await build({ ...PRELOAD_BUNDLE, write: false, metafile: true, sourcemap: false });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => input.includes('node_modules'))).toEqual([]);
    const bytes = result.outputFiles[0]!.contents.byteLength;
    // It was 757 KB with zod in it; a preload is parsed in every page load, before the console.
    expect(bytes).toBeLessThan(8 * 1024);
  });
});

describe('the main bundle', () => {
  it('runs the reports’ font code bundled as the main process bundles it (CommonJS loaders included)', async () => {
    // Inside the checkout, so the bundle finds the fonts where npm installed them.
    mkdirSync('out', { recursive: true });
    const dir = mkdtempSync(path.resolve('out', 'main-bundle-test-'));
    try {
      const outfile = path.join(dir, 'fonts.mjs');
      await build({ ...MAIN_BUNDLE, entryPoints: ['electron/fonts/index.ts'], outfile, sourcemap: false });
      // In a Node of its own: the test runner's module loader lends every module __dirname.
      const faces = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const fonts = await import(${JSON.stringify(pathToFileURL(outfile).href)});
           const css = await fonts.fontFaceCss('王 A 🙂', ['Noto Sans', 'Noto Sans SC', 'Noto Emoji']);
           console.log(css.match(/@font-face/g).length);`,
        ],
        { encoding: 'utf8' },
      );
      expect(faces.stderr).toBe('');
      // Noto Sans and Noto Sans SC at both weights, and the outline emoji.
      expect(faces.stdout.trim()).toBe('5');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
