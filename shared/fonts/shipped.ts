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

export const SHIPPED_FONTS = [
  { family: 'Noto Sans', package: 'noto-sans', weights: [400, 600] },
  // Simplified Chinese: 101 pieces a weight, about 3.5 MB each weight in all.
  { family: 'Noto Sans SC', package: 'noto-sans-sc', weights: [400, 600] },
  { family: 'Noto Sans Arabic', package: 'noto-sans-arabic', weights: [400] },
  { family: 'Noto Color Emoji', package: 'noto-color-emoji', weights: [400] },
  { family: 'Noto Sans Mono', package: 'noto-sans-mono', weights: [400] },
  // Ballot boxes, check marks and arrows the console draws (☐ ☑ ✓) that the others lack.
  { family: 'Noto Sans Symbols 2', package: 'noto-sans-symbols-2', weights: [400] },
] as const satisfies readonly ShippedFont[];

const quoted = (family: string) => `"${family}"`;
const [LATIN, CHINESE, ARABIC, EMOJI, MONO, SYMBOLS] = SHIPPED_FONTS;

/**
 * The text font stack, in either language. Latin comes first (Noto Sans SC's Latin is wider,
 * and its pieces also hold monochrome emoji), colour emoji before Chinese so a customer's 🙂
 * prints in colour, then Arabic. Chinese punctuation is not in Noto Sans, so it comes from
 * Noto Sans SC in its Chinese form. Symbols come last, for what none of the others draws.
 */
export const TEXT_STACK =
  [LATIN, EMOJI, CHINESE, ARABIC, SYMBOLS].map((font) => quoted(font.family)).join(', ') + ', sans-serif';

/** Codes and ids: the shipped monospace face, then the text stack for whatever a name may hold. */
export const MONO_STACK = `${quoted(MONO.family)}, ${TEXT_STACK}`;
