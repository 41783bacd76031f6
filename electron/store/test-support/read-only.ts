import { LATEST_VERSION, MIGRATIONS } from '../core/migrations';
import { openDatabase } from '../core/sqlite';
import type { StoreLock } from '../core/lock';
import { CaseStore } from '../core/store';

/** Nothing to hold: a read-only look takes no lock, so it leaves no lock file behind either. */
const NO_LOCK = { release: () => undefined } as unknown as StoreLock;

/**
 * A store over a read-only connection, for benchmarks that read a store they must not change
 * (another worktree's): no lock, no anchors, no backup, no migration. A newer file is refused;
 * an older one is read as it is (it cannot be migrated here), and `missing` names the
 * migrations it lacks, for the benchmark to say whether its queries depend on them.
 */
export function readOnlyStore(file: string): { store: CaseStore; missing: string[] } {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_VERSION) {
    db.close();
    throw new Error(`${file} is at schema version ${version}, newer than this code's ${LATEST_VERSION}`);
  }
  const missing = MIGRATIONS.filter((m) => m.version > version).map((m) => `${m.version} ${m.name}`);
  return { store: new CaseStore(db, file, '/nonexistent', Date.now, null, NO_LOCK, null), missing };
}
