import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_FONTS } from '../../shared/fonts/shipped';

/** One piece of a shipped font: a family at a weight, covering some ranges of code points. */
export interface FontPiece {
  family: string;
  weight: number;
  file: string;
  unicodeRange: string;
  covers(codePoint: number): boolean;
}

/**
 * Where the @fontsource packages are. The packaged app carries them beside its bundle
 * (`out/fonts/@fontsource`, copied there by scripts/build-electron.mjs, since no node_modules
 * are shipped); the CLI, the dev host and the tests read them where npm installed them.
 */
export function fontPackagesFolder(): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fonts', '@fontsource');
  if (existsSync(path.join(beside, SHIPPED_FONTS[0].package))) return beside;
  const require = createRequire(import.meta.url);
  return path.dirname(path.dirname(require.resolve(`@fontsource/${SHIPPED_FONTS[0].package}/package.json`)));
}

const FACE = /@font-face\s*{([^}]*)}/g;
const field = (block: string, name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(block)?.[1]?.trim();

function parseRanges(unicodeRange: string): [number, number][] {
  return unicodeRange.split(',').map((range) => {
    const [from, to = from] = range.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to!, 16)];
  });
}

/** The pieces a @fontsource weight's stylesheet declares (only their woff2 files are used). */
function piecesOf(folder: string, family: string, weight: number): FontPiece[] {
  const css = readFileSync(path.join(folder, `${weight}.css`), 'utf8');
  return [...css.matchAll(FACE)].map(([, block]) => {
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block!)?.[1];
    const unicodeRange = field(block!, 'unicode-range');
    if (file === undefined || unicodeRange === undefined) {
      throw new Error(`${folder}/${weight}.css: a font face without a woff2 file or a unicode-range`);
    }
    const ranges = parseRanges(unicodeRange);
    return {
      family,
      weight,
      file: path.join(folder, file),
      unicodeRange,
      covers: (point: number) => ranges.some(([from, to]) => point >= from && point <= to),
    };
  });
}

let pieces: FontPiece[] | undefined;
const encoded = new Map<string, string>();

/** Every piece of every shipped font at every shipped weight, read once. */
export function fontPieces(): FontPiece[] {
  if (pieces === undefined) {
    const root = fontPackagesFolder();
    pieces = SHIPPED_FONTS.flatMap((font) =>
      font.weights.flatMap((weight) => piecesOf(path.join(root, font.package), font.family, weight)),
    );
  }
  return pieces;
}

function base64Of(file: string): string {
  let data = encoded.get(file);
  if (data === undefined) {
    data = readFileSync(file).toString('base64');
    encoded.set(file, data);
  }
  return data;
}

/**
 * The @font-face rules a document needs, its fonts inlined: only the pieces that cover a
 * character of `text`, so a report carries its own fonts (it prints the same on a machine
 * with none, and Chromium embeds the glyphs it used in the PDF) without carrying all of them.
 */
export function fontFaceCss(text: string): string {
  const codePoints = [...new Set(Array.from(text, (char) => char.codePointAt(0)!))];
  return fontPieces()
    .filter((piece) => codePoints.some(piece.covers))
    .map(
      (piece) =>
        `@font-face { font-family: "${piece.family}"; font-weight: ${piece.weight}; font-style: normal; ` +
        `font-display: block; src: url(data:font/woff2;base64,${base64Of(piece.file)}) format("woff2"); ` +
        `unicode-range: ${piece.unicodeRange}; }`,
    )
    .join('\n');
}
