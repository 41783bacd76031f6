/**
 * The choices scripts/electron-native.ts makes about files, free of the build so they are
 * unit-tested.
 */
import path from 'node:path';

/**
 * Whether a file of the better-sqlite3 package is copied for the Electron build: everything
 * but its own build/ folder (the Node-ABI build the tests use). Judged on the path inside the
 * package, so a checkout that itself sits under some folder named build still copies.
 */
export function copiedForNativeBuild(packageDir: string, file: string): boolean {
  const inside = path.relative(packageDir, file);
  return inside.split(path.sep)[0] !== 'build';
}

/**
 * The out/native folders left from builds for other Electron versions: electron-builder
 * ships all of out/native, so they are removed once the current one is built.
 */
export function staleNativeFolders(entries: string[], electronVersion: string): string[] {
  return entries.filter((entry) => /^electron-v/.test(entry) && entry !== `electron-v${electronVersion}`);
}
