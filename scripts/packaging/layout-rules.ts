/**
 * What the packaged app must and must not hold, as pure functions of the listings the layout
 * check reads (scripts/check-package.ts), so the rules themselves are unit-tested.
 */

import { PRINTED_FONTS, SHIPPED_FONTS } from '../../shared/fonts/shipped';

/** What out/fonts holds (scripts/copy-fonts.ts): each shipped font's licence, each printed font's stylesheets. */
export const FONT_ENTRIES: readonly string[] = [
  ...new Set(
    SHIPPED_FONTS.flatMap((font) => [
      `/out/fonts/${font.package}/LICENSE`,
      ...(PRINTED_FONTS.includes(font)
        ? font.weights.map((weight) => `/out/fonts/${font.package}/${font.stylesheet(weight)}`)
        : []),
    ]),
  ),
];

/** Asar entries are absolute inside the archive: '/out/electron/main.js'. */
const ALLOWED_IN_ASAR = [
  /^\/package\.json$/,
  /^\/out$/,
  /^\/out\/electron(\/(main\.js|preload\.cjs))?$/,
  /^\/out\/renderer(\/.*)?$/,
  /^\/out\/native(\/electron-v[^/]+(\/better_sqlite3\.node)?)?$/,
  // The shipped fonts' stylesheets and licences and the subsetter (scripts/copy-fonts.ts); the pieces are the console's.
  /^\/out\/fonts(\/harfbuzz-subset\.wasm|\/@[\w-]+(\/[\w-]+(\/([\w-]+\.css|LICENSE))?)?)?$/,
];

const REQUIRED_IN_ASAR = [
  '/package.json',
  '/out/electron/main.js',
  '/out/electron/preload.cjs',
  '/out/renderer/index.html',
  // Each shipped font's licence (the SIL Open Font License asks that it go with the fonts).
  '/out/fonts/harfbuzz-subset.wasm',
  ...FONT_ENTRIES,
];

/** Named so a failure says what leaked, not only that something did. */
const FORBIDDEN: [RegExp, string][] = [
  [/\/node_modules\//, 'node_modules (the app ships bundled code only)'],
  [/better-sqlite3\/build\//, 'the Node-ABI build of better-sqlite3'],
  [/\.(test|e2e)\.[cm]?[jt]sx?$/, 'a test'],
  [/\.tsx?$/, 'a TypeScript source'],
  [/\.map$/, 'a source map'],
  [/^\/(shared|electron|renderer|cli|bench|e2e|scripts|docs|build)\//, 'a source, test or tooling folder'],
];

export interface PackageListing {
  /** Every entry of app.asar, as @electron/asar lists it. */
  asar: string[];
  /** Every file under app.asar.unpacked, relative to it with '/' separators. */
  unpacked: string[];
}

/** The problems with a package's layout; none means it is as it should be. */
export function layoutProblems(listing: PackageListing, electronVersion: string): string[] {
  const problems: string[] = [];
  const present = new Set(listing.asar);
  for (const file of REQUIRED_IN_ASAR)
    if (!present.has(file)) problems.push(`missing from app.asar: ${file}`);
  if (!listing.asar.some((entry) => /^\/out\/renderer\/assets\/[^/]+\.js$/.test(entry))) {
    problems.push('missing from app.asar: the renderer script in out/renderer/assets');
  }
  if (!listing.asar.some((entry) => /^\/out\/renderer\/assets\/fonts\/[^/]+\.woff2$/.test(entry))) {
    problems.push('missing from app.asar: the console’s fonts in out/renderer/assets/fonts');
  }
  const staleNative = (entry: string) => {
    const version = /^\/?out\/native\/electron-v([^/]+)/.exec(entry)?.[1];
    return version !== undefined && version !== electronVersion;
  };
  for (const entry of listing.asar) {
    if (staleNative(entry)) {
      problems.push(`in app.asar but built for another Electron (a stale out/native folder): ${entry}`);
      continue;
    }
    const forbidden = FORBIDDEN.find(([pattern]) => pattern.test(entry));
    if (forbidden) problems.push(`in app.asar but must not be (${forbidden[1]}): ${entry}`);
    else if (!ALLOWED_IN_ASAR.some((pattern) => pattern.test(entry))) {
      problems.push(`in app.asar but not something the app needs: ${entry}`);
    }
  }
  const binding = `out/native/electron-v${electronVersion}/better_sqlite3.node`;
  if (!listing.unpacked.includes(binding)) problems.push(`missing from app.asar.unpacked: ${binding}`);
  for (const file of listing.unpacked) {
    if (staleNative(file)) problems.push(`unpacked but built for another Electron: ${file}`);
    else if (file !== binding) problems.push(`unpacked but should stay in the asar: ${file}`);
  }
  return problems;
}

/** Fuse name → on/off, as in scripts/packaging/fuses.json. */
export type FuseSettings = Record<string, boolean>;

/**
 * Compares the fuse wire read from a packed binary (index → byte, '1' = 49 on, '0' = 48 off)
 * with the settings, by the fuse names' wire indices.
 */
export function fuseProblems(
  wire: Record<number, number>,
  settings: FuseSettings,
  indexOf: Record<string, number>,
): string[] {
  const problems: string[] = [];
  for (const [name, on] of Object.entries(settings)) {
    const index = indexOf[name];
    if (index === undefined) {
      problems.push(`unknown fuse: ${name}`);
      continue;
    }
    const actual = wire[index];
    const expected = (on ? '1' : '0').charCodeAt(0);
    if (actual !== expected) {
      const seen = actual === undefined ? 'absent' : JSON.stringify(String.fromCharCode(actual));
      problems.push(`fuse ${name} should be ${on ? 'on' : 'off'} in the packed binary, found ${seen}`);
    }
  }
  return problems;
}
