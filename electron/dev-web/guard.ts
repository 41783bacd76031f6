import path from 'node:path';

export interface GuardOptions {
  /** The folder Vite serves (renderer/): a plain URL path names a file under it. */
  root: string;
  /** The only folders whose files may be served: the console's sources and its packages. */
  sourceRoots: string[];
  /** The store file; it, its journal and kept-aside copies beside it, and its backups are never served. */
  storeFile: string;
  backupDir: string;
}

// Vite's own ids, not files: its client, the React refresh runtime, virtual modules.
const VIRTUAL = /^\/(@vite\/|@react-refresh|@id\/__x00__|__vite)/;
// A bare import Vite resolved: a package name, which must not climb out with "..".
const PACKAGE_ID = /^\/@id\/(?!\/)(?!.*(^|\/)\.\.(\/|$))/;
const DATABASE_FILE = /\.(sqlite|sqlite3|db)(-wal|-shm|-journal|\.partial)?$/i;

/** Decodes until nothing changes, so a twice-encoded "..%252f" cannot pass as a name. */
function decodeFully(text: string): string | null {
  let current = text;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

const inside = (folder: string, file: string) => file === folder || file.startsWith(folder + path.sep);

/**
 * Why the dev server must not answer a request, or null when it may. The dev server has no
 * token of its own, so it serves the renderer's sources and nothing else: a URL that names a
 * file outside the source folders (through /@fs/ or /@id/, an escaped "..", or a path under the
 * served root) is refused, and the store, its backups and any database file are refused wherever
 * they sit, even inside the served root.
 */
export function refusal(url: string, options: GuardOptions): string | null {
  const decoded = decodeFully(url.split(/[?#]/, 1)[0]!);
  if (decoded === null || decoded.includes('\0') || decoded.includes('\\')) return 'malformed path';
  if (VIRTUAL.test(decoded)) return null;
  if (PACKAGE_ID.test(decoded) && !DATABASE_FILE.test(decoded)) return null;
  // /@id/ followed by an absolute path names a file as /@fs/ does; one with ".." climbs.
  const fromId = decoded.startsWith('/@id/');
  if (fromId && !decoded.startsWith('/@id//')) return 'not one of the console’s sources';
  const fromFs = decoded.startsWith('/@fs/') || fromId;
  const file = fromFs
    ? path.resolve(decoded.slice(fromId ? '/@id/'.length : '/@fs'.length))
    : path.resolve(options.root, `.${decoded}`);
  const store = path.resolve(options.storeFile);
  const besideStore =
    path.dirname(file) === path.dirname(store) && path.basename(file).startsWith(path.basename(store));
  if (besideStore || inside(path.resolve(options.backupDir), file) || DATABASE_FILE.test(file)) {
    return 'the case store and its backups are never served';
  }
  const allowed = fromFs ? options.sourceRoots : [path.resolve(options.root)];
  if (!allowed.some((folder) => inside(path.resolve(folder), file)))
    return 'not one of the console’s sources';
  return null;
}
