// Bundles the Electron main process and the preload script into out/electron
// (electron-bundles.ts says how). The renderer is built by Vite.
import { build } from 'esbuild';
import { MAIN_BUNDLE, PRELOAD_BUNDLE } from './electron-bundles';

await build(MAIN_BUNDLE);
await build(PRELOAD_BUNDLE);
