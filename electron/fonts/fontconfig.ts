import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BASE_FONT } from '../../shared/fonts/shipped';
import { fontPieces } from './pieces';
import { sfntOf } from './subset';

/** The shipped piece Chromium gets as its one system font: Noto Sans's basic Latin, regular. */
function fallbackPiece() {
  const piece = fontPieces().find(
    (candidate) =>
      candidate.family === BASE_FONT.family &&
      candidate.weight === 400 &&
      candidate.covers('A'.codePointAt(0)!),
  );
  if (piece === undefined) throw new Error('the shipped fonts have no regular Noto Sans for basic Latin');
  return piece;
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * A fontconfig of the printer's own, in `folder`, that sees no system font: only the shipped
 * Noto Sans (as TrueType: Chromium will not take a WOFF2 as a system font, and it lays out no
 * text at all with no system font). Every glyph a report prints comes from its own
 * @font-face pieces, so it prints the same on any machine, and on one with no fonts at all.
 * Returns the FONTCONFIG_FILE to start Chromium with.
 */
export async function privateFontConfig(folder: string): Promise<string> {
  const fonts = path.join(folder, 'fonts');
  await mkdir(fonts, { recursive: true });
  await writeFile(path.join(fonts, 'NotoSans-Regular.ttf'), await sfntOf(fallbackPiece()));
  const file = path.join(folder, 'fonts.conf');
  await writeFile(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${escapeXml(fonts)}</dir>
  <cachedir>${escapeXml(path.join(folder, 'fontconfig-cache'))}</cachedir>
</fontconfig>
`,
  );
  return file;
}
