/**
 * The fonts the app ships (npm packages under the SIL Open Font License), so the console and
 * every report look the same on a machine with no fonts at all. Each is split by Unicode
 * range: a browser loads only the pieces a page's text needs, and a report embeds only those.
 */
export interface ShippedFont {
  family: string;
  /** The npm package that holds its stylesheets, pieces (`files/…woff2`) and licence. */
  package: string;
  /** The weights shipped; a weight in between is synthesised from the nearest. */
  weights: readonly number[];
  /** The package's stylesheet for a weight. */
  stylesheet(weight: number): string;
}

const fontsource = (family: string, name: string, weights: readonly number[]): ShippedFont => ({
  family,
  package: `@fontsource/${name}`,
  weights,
  stylesheet: (weight) => `${weight}.css`,
});

const LATIN = fontsource('Noto Sans', 'noto-sans', [400, 600]);
// Simplified Chinese: 101 pieces a weight.
const CHINESE = fontsource('Noto Sans SC', 'noto-sans-sc', [400, 600]);
const ARABIC = fontsource('Noto Sans Arabic', 'noto-sans-arabic', [400]);
// Colour emoji for the screen, in COLRv1: the only colour format Chromium draws (@fontsource's
// Noto Color Emoji is OpenType-SVG, which Chromium loads and then draws as nothing). Chromium
// prints COLRv1 glyphs to PDF as empty boxes, so paper uses the outline emoji below.
const COLOUR_EMOJI: ShippedFont = {
  family: 'Noto Color Emoji',
  package: '@infolektuell/noto-color-emoji',
  weights: [400],
  stylesheet: () => 'index.css',
};
const OUTLINE_EMOJI = fontsource('Noto Emoji', 'noto-emoji', [400]);
const MONO = fontsource('Noto Sans Mono', 'noto-sans-mono', [400]);
// Ballot boxes, check marks and arrows the console draws (☐ ☑ ✓) that the others lack.
const SYMBOLS = fontsource('Noto Sans Symbols 2', 'noto-sans-symbols-2', [400]);

export const SHIPPED_FONTS: readonly ShippedFont[] = [
  LATIN,
  CHINESE,
  ARABIC,
  COLOUR_EMOJI,
  OUTLINE_EMOJI,
  MONO,
  SYMBOLS,
];

/** The font Chromium is given as its one system font, and that draws what it covers first. */
export const BASE_FONT: ShippedFont = LATIN;

const stack = (fonts: readonly ShippedFont[]) =>
  fonts.map((font) => `"${font.family}"`).join(', ') + ', sans-serif';

/**
 * The families of a stack, in order. Latin comes first (Noto Sans SC's Latin is wider, and
 * its pieces also hold monochrome emoji), emoji before Chinese so a customer's 🙂 is drawn as
 * an emoji, then Arabic. Chinese punctuation is not in Noto Sans, so it comes from Noto Sans
 * SC in its Chinese form. Symbols come last, for what none of the others draws.
 */
const SCREEN_FONTS = [LATIN, COLOUR_EMOJI, CHINESE, ARABIC, SYMBOLS];
const PRINT_FONTS = [LATIN, OUTLINE_EMOJI, CHINESE, ARABIC, SYMBOLS];

/** The console's text and code (ids, refs) on screen. */
export const TEXT_STACK = stack(SCREEN_FONTS);
export const MONO_STACK = stack([MONO, ...SCREEN_FONTS]);

/** The same on paper: reports, and the console printed. */
export const PRINT_TEXT_STACK = stack(PRINT_FONTS);
export const PRINT_MONO_STACK = stack([MONO, ...PRINT_FONTS]);

/** Every font a printed document can be drawn in (a report carries these, no others). */
export const PRINTED_FONTS: readonly ShippedFont[] = [MONO, ...PRINT_FONTS];
export const PRINT_FAMILIES: readonly string[] = PRINTED_FONTS.map((font) => font.family);

/**
 * The fonts that open a stack. What Noto Sans covers, the fonts after it in the text stack are
 * never asked for, so a report need not carry their glyphs for it.
 */
export const STACK_HEADS: readonly string[] = [LATIN.family, MONO.family];

/**
 * A piece's file name where the app ships it (the console's assets/fonts): named after its
 * package, so the pieces of two packages never share a name and a report finds each by name.
 */
export function pieceFileName(font: ShippedFont, file: string): string {
  const name = file.split('/').pop()!;
  const prefix = `${font.package.split('/').pop()!}-`;
  return name.startsWith(prefix) ? name : prefix + name;
}
