// What esbuild bundles for the Electron shell: the main process (ESM) and the preload script
// (CommonJS: a sandboxed preload cannot be an ES module). Used by build-electron.ts and by
// the test that keeps the preload small.
import type { BuildOptions } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

export const MAIN_BUNDLE: BuildOptions = {
  ...common,
  entryPoints: ['electron/shell/main.ts'],
  outfile: 'out/electron/main.js',
  format: 'esm',
  // Everything else is bundled, so the package ships no node_modules (electron-builder.yml):
  // better-sqlite3's JavaScript comes along, its native part is loaded at run time from the
  // Electron build kept apart (scripts/electron-native.ts). Electron is the runtime itself.
  external: ['electron'],
  // CommonJS code bundled into an ES module still asks for require, __filename and __dirname
  // (the reports' WOFF2 decoder, wawoff2, reads __dirname as it loads).
  banner: {
    js: [
      "import { createRequire as __rcRequire } from 'node:module';",
      "import { fileURLToPath as __rcFileURLToPath } from 'node:url';",
      'const require = __rcRequire(import.meta.url);',
      'const __filename = __rcFileURLToPath(import.meta.url);',
      "const __dirname = __rcFileURLToPath(new URL('.', import.meta.url));",
    ].join(' '),
  },
};

export const PRELOAD_BUNDLE: BuildOptions = {
  ...common,
  entryPoints: ['electron/shell/preload.ts'],
  outfile: 'out/electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
};
