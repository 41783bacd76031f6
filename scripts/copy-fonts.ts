// Puts what the packaged app's reports need of the shipped fonts (shared/fonts/shipped.ts)
// beside the Electron bundle, in out/fonts: each printed font's stylesheets, every shipped
// font's licence, and HarfBuzz's subsetter. The packaged app has no node_modules, and its
// reports read there which piece covers what (electron/fonts). The pieces themselves ship
// once, with the console (out/renderer/assets/fonts): run after `vite build`.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fontPieces, fontSources, HARFBUZZ_SUBSET } from '../electron/fonts';
import { pieceFileName, PRINTED_FONTS, SHIPPED_FONTS } from '../shared/fonts/shipped';

const target = path.resolve('out/fonts');
const consoleFonts = path.resolve('out/renderer/assets/fonts');
const { packages, harfbuzz } = fontSources();
if (path.resolve(packages) === target)
  throw new Error('the fonts are read from out/fonts already: nothing to copy');

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
// HarfBuzz's subsetter, which cuts each piece down to what a report prints.
copyFileSync(harfbuzz, path.join(target, HARFBUZZ_SUBSET));
for (const font of SHIPPED_FONTS) {
  const printed = PRINTED_FONTS.includes(font);
  const files = ['LICENSE', ...(printed ? font.weights.map((weight) => font.stylesheet(weight)) : [])];
  mkdirSync(path.join(target, font.package), { recursive: true });
  for (const file of new Set(files)) {
    copyFileSync(path.join(packages, font.package, file), path.join(target, font.package, file));
  }
}
const fontOf = (family: string) => PRINTED_FONTS.find((font) => font.family === family)!;
const missing = fontPieces().filter(
  (piece) => !existsSync(path.join(consoleFonts, pieceFileName(fontOf(piece.family), piece.file))),
);
if (missing.length > 0) {
  throw new Error(
    `${missing.length} font pieces are not in ${consoleFonts} (run vite build first): ${missing[0]!.file}`,
  );
}
