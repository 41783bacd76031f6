import {
  openStoreFromEnv,
  resolveStoreFile,
  sqliteTrouble,
  StoreUnusableError as UnusableStore,
  type CaseStore,
} from '../../electron/store';
import { CliError, messageOf, StoreUnusableError } from '../errors';

function asCliError(error: unknown): unknown {
  // Damaged, newer, locked by another process, missing beside its backups, read-only, replaced.
  if (error instanceof UnusableStore) return new StoreUnusableError(error.message);
  if (sqliteTrouble(error) !== null) {
    const { code } = error as { code: string };
    return new StoreUnusableError(`the case store cannot be used (${code}): ${messageOf(error)}`);
  }
  return error;
}

/**
 * Opens the store named by --db (or REFUND_CONSOLE_DB, or the default), runs the command and
 * closes it again, after any backup that opening started has finished. A store that cannot be
 * opened (damaged, newer, locked, unreadable) is exit 3; so is a damaged one that opened
 * read-only, unless the command is the one that repairs it (`allowDamaged`). A missing store
 * beside its backups is refused too, unless `newStore` (--new-store) asks for a new one.
 * Commands that call the store's own functions (reports) use this; those that go through the
 * API's handlers use withStore, which loads the API (its import and team code) as well.
 */
export async function withOpenStore(
  { db, newStore }: { db: string | undefined; newStore: boolean },
  run: (store: CaseStore) => Promise<void>,
  { allowDamaged = false } = {},
): Promise<void> {
  let store: CaseStore;
  try {
    store = openStoreFromEnv({ db, newStore });
  } catch (error) {
    const failure = asCliError(error);
    // Whatever stops the store opening is about the store: its message, exit 3.
    throw failure instanceof CliError
      ? failure
      : new StoreUnusableError(`cannot open the case store ${resolveStoreFile(db)}: ${messageOf(error)}`);
  }
  try {
    if (store.damage !== null && !allowDamaged) throw new StoreUnusableError(store.damage.message);
    await run(store);
  } catch (error) {
    throw asCliError(error);
  } finally {
    await store.autoBackup;
    store.close();
  }
}
