import path from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives, relative to the app folder: built by
 * scripts/electron-native.ts, shipped by electron-builder outside the asar (asarUnpack).
 * One version folder per Electron, so a stale build for another Electron is never loaded.
 */
export const nativeBindingDir = (electronVersion: string): string =>
  path.join('out', 'native', `electron-v${electronVersion}`);

export const SQLITE_BINDING_FILE = 'better_sqlite3.node';

export interface BindingPlace {
  /** app.isPackaged */
  packaged: boolean;
  /** process.resourcesPath: where app.asar and app.asar.unpacked sit in a package. */
  resourcesPath: string;
  /** The app folder when run from the repository (`electron .`): the project root. */
  appPath: string;
  electronVersion: string;
}

/**
 * The file the store loads as its native module. A packaged app reads it from
 * app.asar.unpacked (a .node file cannot be loaded from inside an asar); `npm start` reads
 * the build in the project's out/native.
 */
export function sqliteBindingPath(place: BindingPlace): string {
  const relative = path.join(nativeBindingDir(place.electronVersion), SQLITE_BINDING_FILE);
  return place.packaged
    ? path.join(place.resourcesPath, 'app.asar.unpacked', relative)
    : path.join(place.appPath, relative);
}
