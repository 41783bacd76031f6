// The fonts the app ships (shared/fonts/shipped.ts names them), for what Node prints: the
// reports' inlined @font-face pieces, and the fontconfig the printer's Chromium starts with.
export { privateFontConfig } from './fontconfig';
export { fontFaceCss, fontPieces, fontSources, HARFBUZZ_SUBSET } from './pieces';
