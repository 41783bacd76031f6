// Compiles the CLI into out/cli (or --outdir DIR): one entry plus a chunk per command, loaded
// by dynamic import only when that command runs, so `decide` never loads SQLite or the store.
// Runs from `prepare`, so `npm ci` leaves a working `npx refund-console`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'out/cli' } } });

rmSync(values.outdir, { recursive: true, force: true });
await build({
  entryPoints: { 'refund-console': 'cli/refund-console.ts' },
  outdir: values.outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  logLevel: 'warning',
  // The native module finds its compiled binding beside itself in node_modules.
  external: ['better-sqlite3'],
  banner: {
    js: "import { createRequire as __rcRequire } from 'node:module'; const require = __rcRequire(import.meta.url);",
  },
});
