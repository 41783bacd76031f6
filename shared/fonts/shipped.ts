/**
 * The fonts the app ships (npm's @fontsource packages, SIL Open Font License), so the console
 * and every report look the same on a machine with no fonts at all. Each is split by Unicode
 * range: a browser loads only the pieces a page's text needs, and a report embeds only those.
 */
export interface ShippedFont {
  family: string;
  /** The @fontsource package's name without its scope. */
  package: string;
  /** The weights shipped; a weight in between is synthesised from the nearest. */
  weights: readonly number[];
}

const LATIN = { family: 'Noto Sans', package: 'noto-sans', weights: [400, 600] } as const;
// Simplified Chinese: 101 pieces a weight.
const CHINESE = { family: 'Noto Sans SC', package: 'noto-sans-sc', weights: [400, 600] } as const;
const ARABIC = { family: 'Noto Sans Arabic', package: 'noto-sans-arabic', weights: [400] } as const;
// Colour emoji (COLRv1) for the screen; Chromium prints them to PDF as empty boxes, so what
// is printed uses the outline emoji below.
const COLOUR_EMOJI = { family: 'Noto Color Emoji', package: 'noto-color-emoji', weights: [400] } as const;
const OUTLINE_EMOJI = { family: 'Noto Emoji', package: 'noto-emoji', weights: [400] } as const;
const MONO = { family: 'Noto Sans Mono', package: 'noto-sans-mono', weights: [400] } as const;
// Ballot boxes, check marks and arrows the console draws (☐ ☑ ✓) that the others lack.
const SYMBOLS = { family: 'Noto Sans Symbols 2', package: 'noto-sans-symbols-2', weights: [400] } as const;

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

/** Every family a printed document can be drawn in (a report carries these, no others). */
export const PRINT_FAMILIES: readonly string[] = [MONO, ...PRINT_FONTS].map((font) => font.family);

/**
 * The fonts that open a stack. What Noto Sans covers, the fonts after it in the text stack are
 * never asked for, so a report need not carry their glyphs for it.
 */
export const STACK_HEADS: readonly string[] = [LATIN.family, MONO.family];
