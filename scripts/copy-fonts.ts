// Puts the shipped fonts' stylesheets and licences (shared/fonts/shipped.ts), and HarfBuzz's
// subsetter, beside the
// Electron bundle, in out/fonts/@fontsource: the packaged app has no node_modules, and the
// reports it prints read there which piece covers what (electron/fonts). The pieces
// themselves ship once, with the console (out/renderer/assets/fonts): run after `vite build`.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fontPieces, fontSources, HARFBUZZ_SUBSET } from '../electron/fonts';
import { SHIPPED_FONTS } from '../shared/fonts/shipped';

const target = path.resolve('out/fonts/@fontsource');
const consoleFonts = path.resolve('out/renderer/assets/fonts');
const { packages, harfbuzz } = fontSources();
if (path.resolve(packages) === target)
  throw new Error('the fonts are read from out/fonts already: nothing to copy');

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
// HarfBuzz's subsetter, which cuts each piece down to what a report prints.
copyFileSync(harfbuzz, path.join(target, '..', HARFBUZZ_SUBSET));
for (const font of SHIPPED_FONTS) {
  mkdirSync(path.join(target, font.package), { recursive: true });
  for (const file of ['LICENSE', ...font.weights.map((weight) => `${weight}.css`)]) {
    copyFileSync(path.join(packages, font.package, file), path.join(target, font.package, file));
  }
}
const missing = fontPieces().filter(
  (piece) => !existsSync(path.join(consoleFonts, path.basename(piece.file))),
);
if (missing.length > 0) {
  throw new Error(
    `${missing.length} font pieces are not in ${consoleFonts} (run vite build first): ${missing[0]!.file}`,
  );
}
