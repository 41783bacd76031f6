import { newestGoodBackup } from './backup';
import { type CaseStore, sqliteTrouble, StoreDamagedError } from '../core';

/** SQLite's own words for a file whose bytes are wrong, met at any read, not only at open. */
export const isCorruption = (error: unknown): boolean => sqliteTrouble(error) === 'corrupt';

/**
 * Turns a corruption met while reading into the store's damaged state: from then on writes
 * are refused and every caller gets the message naming the backup to restore. Returns the
 * error to report, or null when `error` is not corruption.
 */
export function noteDamage(store: CaseStore, error: unknown): StoreDamagedError | null {
  if (error instanceof StoreDamagedError) return error;
  if (!isCorruption(error)) return null;
  store.damage ??= new StoreDamagedError(
    store.file,
    (error as Error).message,
    newestGoodBackup(store.backupDir),
  );
  return store.damage;
}
