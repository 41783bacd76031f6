import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BASE_FONT,
  pieceFileName,
  PRINTED_FONTS,
  STACK_HEADS,
  type ShippedFont,
} from '../../shared/fonts/shipped';
import { subsetPiece } from './subset';

/** One piece of a shipped font: a family at a weight, covering some ranges of code points. */
export interface FontPiece {
  family: string;
  weight: number;
  file: string;
  unicodeRange: string;
  covers(codePoint: number): boolean;
}

export const HARFBUZZ_SUBSET = 'harfbuzz-subset.wasm';

/** Where the fonts' packages are, and where each stylesheet's piece (`files/….woff2`) is. */
export interface FontSources {
  /** The folder holding each font's package folder (`@fontsource/noto-sans`, …). */
  packages: string;
  piece(font: ShippedFont, file: string): string;
  /** HarfBuzz's subsetter, built to WebAssembly. */
  harfbuzz: string;
}

let sources: FontSources | undefined;

/** Where the fonts are, looked up once: it does not change while the process runs. */
export function fontSources(): FontSources {
  sources ??= findFontSources();
  return sources;
}

/**
 * The packaged app has no node_modules: it carries the stylesheets and licences beside its
 * bundle (`out/fonts`, scripts/copy-fonts.ts) and each piece once, where the console loads
 * it (`out/renderer/assets/fonts`, named after its package: vite.config.ts).
 * The CLI, the dev host and the tests read the packages where npm installed them.
 */
function findFontSources(): FontSources {
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const packaged = path.join(out, 'fonts');
  const pieces = path.join(out, 'renderer', 'assets', 'fonts');
  if (existsSync(path.join(packaged, BASE_FONT.package)) && existsSync(pieces)) {
    return {
      packages: packaged,
      piece: (font, file) => path.join(pieces, pieceFileName(font, file)),
      harfbuzz: path.join(out, 'fonts', HARFBUZZ_SUBSET),
    };
  }
  const require = createRequire(import.meta.url);
  const modules = path.dirname(
    path.dirname(path.dirname(require.resolve(`${BASE_FONT.package}/package.json`))),
  );
  return {
    packages: modules,
    piece: (font, file) => path.join(modules, font.package, file),
    harfbuzz: require.resolve(`harfbuzzjs/dist/${HARFBUZZ_SUBSET}`),
  };
}

const FACE = /@font-face\s*{([^}]*)}/g;
const field = (block: string, name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(block)?.[1]?.trim();

function parseRanges(unicodeRange: string): [number, number][] {
  return unicodeRange.split(',').map((range) => {
    const [from, to = from] = range.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to!, 16)];
  });
}

/** The pieces a font's stylesheet declares at a weight (only their woff2 files are used). */
function piecesOf(sources: FontSources, font: ShippedFont, weight: number): FontPiece[] {
  const stylesheet = path.join(sources.packages, font.package, font.stylesheet(weight));
  const css = readFileSync(stylesheet, 'utf8');
  return [...css.matchAll(FACE)].map(([, block]) => {
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block!)?.[1];
    const unicodeRange = field(block!, 'unicode-range');
    if (file === undefined || unicodeRange === undefined) {
      throw new Error(`${stylesheet}: a font face without a woff2 file or a unicode-range`);
    }
    const ranges = parseRanges(unicodeRange);
    return {
      family: font.family,
      weight,
      file: sources.piece(font, file),
      unicodeRange,
      covers: (point: number) => ranges.some(([from, to]) => point >= from && point <= to),
    };
  });
}

let pieces: FontPiece[] | undefined;

/** Every piece of every font a report can print, at every shipped weight, read once. */
export function fontPieces(): FontPiece[] {
  if (pieces === undefined) {
    const sources = fontSources();
    pieces = PRINTED_FONTS.flatMap((font) =>
      font.weights.flatMap((weight) => piecesOf(sources, font, weight)),
    );
  }
  return pieces;
}

/**
 * The @font-face rules a document in `families` needs, its fonts inlined: each piece that
 * covers a character of `text`, cut down to those characters, so a report carries its own fonts (it
 * prints the same on a machine with none, and Chromium embeds the glyphs in the PDF) in a
 * few kilobytes.
 */
export async function fontFaceCss(text: string, families: readonly string[]): Promise<string> {
  const codePoints = [...new Set(Array.from(text, (char) => char.codePointAt(0)!))];
  const { harfbuzz } = fontSources();
  const latin = fontPieces().filter((piece) => piece.family === BASE_FONT.family && piece.weight === 400);
  const drawnByLatin = new Set(codePoints.filter((point) => latin.some((piece) => piece.covers(point))));
  const faces = await Promise.all(
    fontPieces().map(async (piece) => {
      if (!families.includes(piece.family)) return undefined;
      const own = codePoints.filter(
        (point) => piece.covers(point) && (STACK_HEADS.includes(piece.family) || !drawnByLatin.has(point)),
      );
      if (own.length === 0) return undefined;
      const subset = Buffer.from(await subsetPiece(piece, own, harfbuzz)).toString('base64');
      return (
        `@font-face { font-family: "${piece.family}"; font-weight: ${piece.weight}; font-style: normal; ` +
        `font-display: block; src: url(data:font/ttf;base64,${subset}) format("truetype"); ` +
        `unicode-range: ${piece.unicodeRange}; }`
      );
    }),
  );
  return faces.filter((face) => face !== undefined).join('\n');
}
