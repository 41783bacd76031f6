import { accessSync, constants, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  anchorFileOf,
  AnchorLog,
  auditHead,
  CaseStore,
  connect,
  HealthMarker,
  hasAnchors,
  highestIssuedId,
  inspect,
  openDatabase,
  readAnchors,
  refuseNewer,
  StoreDamagedError,
  StoreLock,
  StoreMissingError,
  StoreReadOnlyError,
} from './core';
import {
  createBackup,
  finishRestore,
  isBackupDue,
  listBackups,
  newestGoodBackup,
  removePartialBackups,
  restoreTempOf,
} from './integrity';

export interface OpenOptions {
  file: string;
  /** The clock every stored instant comes from; tests pass a fixed one. */
  now?: () => number;
  /** Where backups go; `<folder of file>/backups` unless told. */
  backupDir?: string;
  /** Set false to skip the daily backup at open (benchmarks). */
  autoBackup?: boolean;
  /**
   * Start a new, empty store even where a missing or empty file has backups or anchors
   * beside it (the CLI's --new-store). Without it such a store is refused (StoreMissingError).
   */
  newStore?: boolean;
}

/**
 * Opens (or creates) the case store, synchronously, so a host can build its handler table
 * right away. The process takes the store's lock first and keeps it until close: another
 * process holding it gets StoreLockedError naming the holder. When the newest backup is over
 * a day old, one is started in the background; `store.autoBackup` settles when it is done
 * (null when none was due or it failed, logged). A newer file throws NewerDatabaseError
 * untouched. A damaged file is opened read-only with `damage` set: reads may still work,
 * every write throws StoreDamagedError naming the newest good backup, and the file is never
 * replaced except by an explicit restore.
 */
export function openStore(options: OpenOptions): CaseStore {
  const file = resolve(options.file);
  const now = options.now ?? Date.now;
  const backupDir = resolve(options.backupDir ?? join(dirname(file), 'backups'));
  mkdirSync(dirname(file), { recursive: true });
  refuseReadOnly(file);
  const lock = StoreLock.acquire(file, now());
  let anchors: AnchorLog | null = null;
  try {
    // Under the lock nobody else is backing up or restoring this store: leftovers are stale.
    removePartialBackups(backupDir);
    for (const suffix of ['', '-wal', '-shm']) rmSync(restoreTempOf(file) + suffix, { force: true });
    refuseMissing(file, backupDir, options.newStore === true);
    rollBackHotJournal(file);
    const health = new HealthMarker(file, now());
    const inspection = inspect(file, health.fullCheckDue ? 'quick' : 'cheap');
    refuseNewer(file, inspection);
    if (inspection.kind === 'damaged') {
      const damage = new StoreDamagedError(file, inspection.problem, newestGoodBackup(backupDir));
      let readOnly;
      try {
        readOnly = openDatabase(file, { readonly: true, fileMustExist: true });
      } catch {
        throw damage;
      }
      // The anchor log stays open: a restore records itself there before it swaps files.
      anchors = new AnchorLog(anchorFileOf(file));
      return new CaseStore(readOnly, file, backupDir, now, damage, lock, anchors);
    }
    const db = connect(file);
    const fresh = !hasAnchors(file);
    anchors = new AnchorLog(anchorFileOf(file));
    const store = new CaseStore(db, file, backupDir, now, null, lock, anchors);
    store.idFloor = highestIssuedId(readAnchors(file).anchors);
    health.opened(health.fullCheckDue ? now() : null);
    store.health = health;
    finishRestore(store);
    // A store from before anchors existed: its current head is where anchoring starts.
    const head = fresh ? auditHead(store) : null;
    if (head !== null) anchors.append({ ...head, at: now(), start: true }, true);
    if (options.autoBackup !== false && isBackupDue(backupDir, now())) {
      store.autoBackup = createBackup(store, undefined, { kind: 'automatic' }).catch((error: unknown) => {
        console.error(`refund-console: the automatic backup failed: ${(error as Error).message}`);
        return null;
      });
    }
    return store;
  } catch (error) {
    anchors?.close();
    lock.release();
    throw error;
  }
}

/**
 * A process killed while SQLite wrote in rollback-journal mode (a switch to WAL) leaves a hot
 * journal, which a read-only look cannot roll back and would take for damage. Rolling it back
 * is SQLite's own recovery; under the lock nobody else is writing.
 */
function rollBackHotJournal(file: string): void {
  if (!existsSync(file) || !existsSync(`${file}-journal`) || statSync(`${file}-journal`).size === 0) return;
  const db = openDatabase(file, { fileMustExist: true });
  try {
    db.pragma('schema_version');
  } finally {
    db.close();
  }
}

/** The lock, WAL and backups live beside the file, so the folder must be writable too. */
function refuseReadOnly(file: string): void {
  for (const path of [dirname(file), ...(existsSync(file) ? [file] : [])]) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new StoreReadOnlyError(path);
    }
  }
}

/**
 * A missing or empty file where an old store left traces (backups, anchors, a file kept by a
 * restore) is refused: creating a new store there would start over at RC-000001.
 */
function refuseMissing(file: string, backupDir: string, newStore: boolean): void {
  const state = !existsSync(file) ? 'missing' : statSync(file).size === 0 ? 'empty' : null;
  if (state === null || newStore) return;
  const keptByRestore = readdirSync(dirname(file)).some(
    (name) => name.startsWith(`${basename(file)}.`) && name.endsWith('.before-restore'),
  );
  if (listBackups(backupDir).length > 0 || hasAnchors(file) || keptByRestore) {
    throw new StoreMissingError(file, state, newestGoodBackup(backupDir));
  }
}
