import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PRELOAD_BUNDLE } from './electron-bundles';

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
