import { createHandlers, type Handlers } from '../../electron/api';
import type { ApiResult } from '../../shared/ipc/contract';
import {
  openStoreFromEnv,
  resolveStoreFile,
  sqliteTrouble,
  StoreUnusableError as UnusableStore,
  type CaseStore,
} from '../../electron/store';
import { BadInputError, CliError, InternalError, messageOf, StoreUnusableError } from '../errors';

export interface StoreContext {
  store: CaseStore;
  handlers: Handlers;
}

/** The value of a successful call; a failure becomes the CliError of its exit code. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  const { code, message } = result.error;
  if (code === 'store_unavailable') throw new StoreUnusableError(message);
  if (code === 'internal') throw new InternalError(message);
  throw new BadInputError(message);
}

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
 * The CLI's one way into the store. Opens the store named by --db (or REFUND_CONSOLE_DB, or the
 * default), runs the command with the store and the API's handler table over it (whose heavy
 * domains load on their first call, so a command pays only for what it uses) and closes the
 * store again, after any backup that opening started has finished. A store that cannot be
 * opened (damaged, newer, locked, unreadable) is exit 3; so is a damaged one that opened
 * read-only, unless the command is the one that repairs it (`allowDamaged`). A missing store
 * beside its backups is refused too, unless `newStore` (--new-store) asks for a new one.
 */
export async function withStore(
  { db, newStore }: { db: string | undefined; newStore: boolean },
  run: (context: StoreContext) => Promise<void>,
  { allowDamaged = false }: { allowDamaged?: boolean } = {},
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
    await run({ store, handlers: createHandlers(store) });
  } catch (error) {
    throw asCliError(error);
  } finally {
    await store.autoBackup;
    store.close();
  }
}
