/**
 * What `npm start` and `npm run dist` say when the desktop app cannot be built or run here:
 * a few lines naming what is missing, how to get it, and the browser console that works
 * without it, instead of node-gyp's or electron-builder's stack.
 */

const BROWSER_FALLBACK =
  '  Meanwhile `npm run dev:web` runs the same console in a browser against the same store.';

export function missingElectronBinary(electronVersion: string): string[] {
  return [
    `The Electron ${electronVersion} binary is not installed (node_modules/electron/path.txt is missing),`,
    '  usually because the install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or could not reach its download host.',
    '  Get it with `npm rebuild electron` where github.com is reachable, or set ELECTRON_MIRROR to a mirror.',
    BROWSER_FALLBACK,
  ];
}

export function missingElectronHeaders(electronVersion: string, abi: string, logFile: string): string[] {
  return [
    `Could not build better-sqlite3 for Electron ${electronVersion} (ABI ${abi}): neither a prebuilt binary`,
    "  (github.com/WiseLibs/better-sqlite3 releases) nor Electron's headers (electronjs.org/headers) could be fetched.",
    `  Run again where those hosts are reachable; the full build output is in ${logFile}.`,
    '  The tests and the CLI use their own Node build and do not need this.',
    BROWSER_FALLBACK,
  ];
}

export function distUnavailable(reason: string, logFile: string | null): string[] {
  return [
    `npm run dist cannot package the app here: ${reason}`,
    "  It needs Electron and electron-builder's packaging tools, downloaded from github.com (or ELECTRON_MIRROR).",
    ...(logFile === null ? [] : [`  The full output is in ${logFile}.`]),
    '  `npm run check:package` checks the package layout offline, with a placeholder Electron.',
    BROWSER_FALLBACK,
  ];
}

/** Why electron-builder failed, from its output: a download that could not be made, or else its last lines. */
export function packagingFailure(output: string): string {
  const download = /(getaddrinfo )?(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT)( [\w.-]+)?/.exec(output);
  if (download) return `a download failed (${download[0]})`;
  const lines = output
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '');
  return lines.slice(-3).join(' / ').slice(0, 300) || 'electron-builder failed without saying why';
}
