import Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/**
 * The desktop app runs on Electron's Node, whose ABI differs from the Node that runs the
 * tests and the CLI, so it loads a better-sqlite3 build of its own (scripts/electron-native.ts).
 * The ABI belongs to the whole process, hence one setting for every connection it opens.
 */
export function useNativeBinding(file: string): void {
  nativeBinding = file;
}

/** Every connection the store opens goes through here. */
export function openDatabase(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, nativeBinding === undefined ? options : { ...options, nativeBinding });
}
