// Compiles the CLI into out/cli (or --outdir DIR): one entry plus a chunk per command, loaded
// by dynamic import only when that command runs, so `decide` never loads SQLite or the store;
// and the entry of decide --batch's worker threads.
// Runs from `prepare`, so `npm ci` leaves a working `npx refund-console`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

// zod's `z` namespace carries every message locale (about 350 KB); the CLI only speaks zod's
// English (its own messages are the schemas' `error` texts). Evaluating the rest cost about
// 6% of `decide`'s start-up. Only the CLI bundle is changed; if zod moves the file, the
// filter stops matching and the full list is bundled again.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer, resolveDir }) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(importer)
        ? { path: join(resolveDir, '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, ({ path }) => ({
      contents: `export { default as en } from ${JSON.stringify(path)};`,
      resolveDir: '.',
    }));
  },
};

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'out/cli' } } });

rmSync(values.outdir, { recursive: true, force: true });
await build({
  // decide --batch starts worker threads on decide-worker.js, beside the chunk that starts them.
  entryPoints: {
    'refund-console': 'cli/refund-console.ts',
    'decide-worker': 'electron/services/batch/decide-worker.ts',
  },
  outdir: values.outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  logLevel: 'warning',
  // The native module finds its compiled binding beside itself in node_modules. exceljs stays
  // there too: bundled, its old dependencies' `new Buffer()` counts as ours and Node warns.
  // wawoff2 too: its Emscripten loader reads __dirname, which an ES module bundle has not.
  external: ['better-sqlite3', 'exceljs', 'wawoff2'],
  plugins: [zodEnglishOnly],
  banner: {
    js: "import { createRequire as __rcRequire } from 'node:module'; const require = __rcRequire(import.meta.url);",
  },
});
