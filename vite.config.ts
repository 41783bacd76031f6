import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './electron/host/renderer-files.ts';
import { pieceFileName, SHIPPED_FONTS } from './shared/fonts/shipped.ts';

/** The shipped font whose package holds a file (a stylesheet or a piece), if one does. */
const shippedFontOf = (file: string) =>
  SHIPPED_FONTS.find((font) => file.replaceAll('\\', '/').includes(`/${font.package}/`));

/**
 * Writes the console's CSP into the built page too. Only at build: the dev server injects an
 * inline preamble for hot reload, which this policy rightly forbids.
 */
const contentSecurityPolicy = (): Plugin => ({
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

/**
 * The shipped fonts' stylesheets may name a WOFF beside each WOFF2, for browsers older than any
 * Chromium the console runs in: dropped, so the package carries each piece once.
 */
const woff2Only = (): Plugin => ({
  name: 'shipped-fonts-woff2-only',
  enforce: 'pre',
  transform(code, id) {
    if (!id.endsWith('.css') || shippedFontOf(id) === undefined) return undefined;
    return { code: code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ''), map: null };
  },
});

// base './' so Electron can load the build from file:// as well as the host over HTTP.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), woff2Only()],
  // One chunk is intended (an offline desktop app); the budget is checked by bench:console.
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    // A font piece is its own file, never a data: URL inside the CSS (font-src is 'self' only).
    assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
    rollupOptions: {
      output: {
        // Font pieces are named after their packages: the reports the packaged app prints
        // read them from here by name (electron/fonts), so the package carries each once.
        assetFileNames: ({ names, originalFileNames }) => {
          const font = shippedFontOf(originalFileNames[0] ?? '');
          return font !== undefined && names[0]?.endsWith('.woff2') === true
            ? `assets/fonts/${pieceFileName(font, names[0])}`
            : 'assets/[name]-[hash][extname]';
        },
      },
    },
  },
});
