import { LATEST_VERSION } from '../migrations';
import { openDatabase } from '../sqlite';
import type { StoreLock } from '../lock';
import { CaseStore } from '../store';

/** Nothing to hold: a read-only look takes no lock, so it leaves no lock file behind either. */
const NO_LOCK = { release: () => undefined } as unknown as StoreLock;

/**
 * A store over a read-only connection, for benchmarks that read a store they must not change
 * (another worktree's): no lock, no anchors, no backup, no migration. A file of another schema
 * version is refused, since the queries expect this one's.
 */
export function readOnlyStore(file: string): CaseStore {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== LATEST_VERSION) {
    db.close();
    throw new Error(`${file} is at schema version ${version}, this code expects ${LATEST_VERSION}`);
  }
  return new CaseStore(db, file, '/nonexistent', Date.now, null, NO_LOCK, null);
}
