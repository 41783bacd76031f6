/** SQLite's codes for a file whose bytes are wrong. */
const CORRUPT = /^SQLITE_(CORRUPT|NOTADB)/;
/** SQLite's codes for a file it cannot use right now: busy, locked, unwritable, full, refused. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|READONLY|FULL|PERM|AUTH)/;

/**
 * What an error says about the store file itself, the one reading of SQLite's codes that the
 * store (damage, team apply), the API and the CLI share: `corrupt` (the file's bytes are wrong),
 * `unavailable` (it cannot be used right now), or null (the error is about the work, not the file).
 */
export function sqliteTrouble(error: unknown): 'corrupt' | 'unavailable' | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return CORRUPT.test(code) ? 'corrupt' : UNAVAILABLE.test(code) ? 'unavailable' : null;
}
