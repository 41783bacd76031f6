import { randomUUID } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import {
  appendAudit,
  auditHead,
  type CaseStore,
  connect,
  inspect,
  InvalidInputError,
  openDatabase,
  refuseNewer,
} from '../core';
import { isWritable, stamp } from './backup';
import { copyProblems } from './backup-check';

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const removeWithSidecars = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
};

/** A restore's temporary copy; a leftover of an interrupted one is removed at open. */
export const restoreTempOf = (storeFile: string) => `${storeFile}.restore-tmp`;

/** Written before the swap and removed once the restore is audited; see finishRestore. */
export const restoreJournalOf = (storeFile: string) => `${storeFile}.restore-journal`;

interface RestoreJournal {
  restoreId: string;
  actor: string;
  backup: string;
  replacedFileKeptAs: string;
  /** The backup's audit head: the live file has it exactly when the swap happened. */
  seq: number;
  hash: string;
}

function writeJournal(file: string, journal: RestoreJournal): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, JSON.stringify(journal));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function auditRestore(store: CaseStore, journal: RestoreJournal, finishedAtOpen: boolean): void {
  const { actor, backup, replacedFileKeptAs, restoreId } = journal;
  store.write(() =>
    appendAudit(store, {
      caseRef: null,
      action: 'store.restore',
      actor,
      detail: { backup, replacedFileKeptAs, restoreId, ...(finishedAtOpen ? { finishedAtOpen } : {}) },
    }),
  );
  rmSync(restoreJournalOf(store.file), { force: true });
}

/**
 * A restore killed after its swap and before its audit row left the backup's content at the
 * path with nothing saying so. Its journal names it: when the file holds the backup's head and
 * no row audits that restore, the restore is finished now (audited, marked `finishedAtOpen`);
 * when the file is still the old store (killed before the swap), the journal just goes.
 * Called by openStore under the lock, before any command sees the store.
 */
export function finishRestore(store: CaseStore): void {
  const file = restoreJournalOf(store.file);
  if (!existsSync(file)) return;
  let journal: RestoreJournal;
  try {
    journal = JSON.parse(readFileSync(file, 'utf8')) as RestoreJournal;
  } catch {
    // Torn while it was written: the swap comes after the journal's fsync, so none happened.
    rmSync(file, { force: true });
    return;
  }
  const audited = store
    .sql("SELECT 1 FROM audit WHERE action = 'store.restore' AND json_extract(detail, '$.restoreId') = ?")
    .get(journal.restoreId);
  const head = auditHead(store);
  const swapped = (head?.seq ?? 0) === journal.seq && (head?.hash ?? '') === journal.hash;
  if (audited === undefined && swapped) auditRestore(store, journal, true);
  else rmSync(file, { force: true });
}

/**
 * Replaces the live database with a verified backup, so that at every instant a complete
 * store is at its path:
 * 1. the backup (with its WAL, if it has one) is copied as one consistent whole through
 *    SQLite (VACUUM INTO) to a temporary file, switched to WAL, which must pass
 *    integrity_check and is fsynced;
 * 2. the store's connection is closed, which checkpoints its WAL into the main file, and the
 *    main file is hard-linked as *.before-restore (the old store stays at its path meanwhile);
 * 3. the anchor file records that a restore to the backup's head is starting;
 * 4. the copy is renamed over the live file (atomic) and the folder fsynced;
 * 5. the store reconnects and audits the restore, naming the anchor line of step 3.
 * The lock stays held throughout, so no other process writes in between.
 */
export function restoreBackup(store: CaseStore, backupFile: string, actor: string): string {
  // SQLite reads a WAL database only where it can write the -shm beside it.
  if (existsSync(`${backupFile}-wal`) && !isWritable(dirname(backupFile))) {
    throw new InvalidInputError(
      `${dirname(backupFile)} is read-only, and ${backupFile} has a -wal file beside it that SQLite must open ` +
        'for writing to read the backup whole. Copy the backup and its -wal to a folder you can write to, or make this one writable.',
    );
  }
  const check = inspect(backupFile, 'full');
  if (check.kind !== 'ok') {
    throw new InvalidInputError(
      `${backupFile} is not a good backup (${check.kind === 'damaged' ? check.problem : 'no such file'})`,
    );
  }
  refuseNewer(backupFile, check);
  const live = store.file;
  const temp = restoreTempOf(live);
  removeWithSidecars(temp);
  const source = openDatabase(backupFile, { readonly: true, fileMustExist: true });
  let head: { seq: number; hash: string } | undefined;
  try {
    source.prepare('VACUUM INTO ?').run(temp);
    head = source.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as typeof head;
  } finally {
    source.close();
  }
  // The live file is a WAL database: switching the copy now, not after the rename, means the
  // file that appears at the live path never needs a rollback journal to be complete.
  const copy = openDatabase(temp);
  copy.pragma('journal_mode = WAL');
  copy.close();
  const copied = inspect(temp, 'full');
  if (copied.kind !== 'ok') {
    removeWithSidecars(temp);
    throw new Error(`the restored copy of ${backupFile} failed its integrity check`);
  }
  const problems = copyProblems(temp, store.now);
  if (problems.length > 0) {
    removeWithSidecars(temp);
    throw new InvalidInputError(`${backupFile} does not match its own audit trail: ${problems.join('; ')}`);
  }
  fsyncPath(temp);

  const damage = store.damage;
  // Refs the replaced file gave out are never given again (the marker below keeps this too).
  const issued = damage === null ? store.lastIssuedId() : store.idFloor;
  store.detach();
  const kept = `${live}.${stamp(store.now())}.before-restore`;
  const restoreId = randomUUID();
  const journal: RestoreJournal = {
    restoreId,
    actor,
    backup: basename(backupFile),
    replacedFileKeptAs: basename(kept),
    seq: head?.seq ?? 0,
    hash: head?.hash ?? '',
  };
  try {
    settleWal(live, damage === null);
    keepReplaced(live, kept);
    fsyncPath(dirname(live));
    // A WAL still beside the live name (only a damaged file's: it is kept with it above) must
    // never be replayed onto the restored file, so it goes before the rename.
    rmSync(`${live}-wal`, { force: true });
    rmSync(`${live}-shm`, { force: true });
    writeJournal(restoreJournalOf(live), journal);
    const marker = {
      seq: head?.seq ?? 0,
      hash: head?.hash ?? '',
      at: store.now(),
      restore: restoreId,
      lastId: issued,
    };
    store.anchors?.append(marker, true);
  } catch (error) {
    // Nothing was swapped: the store goes on as it was.
    store.attach(damage === null ? connect(live) : openDatabase(live, { readonly: true }));
    store.damage = damage;
    removeWithSidecars(temp);
    rmSync(restoreJournalOf(live), { force: true });
    throw error;
  }
  renameSync(temp, live);
  fsyncPath(dirname(live));

  store.attach(connect(live));
  store.idFloor = Math.max(store.idFloor, issued);
  auditRestore(store, journal, false);
  return kept;
}

/**
 * Closing the last connection checkpoints the WAL and deletes it; should one remain (a
 * damaged file is opened read-only, so its WAL stays), a healthy file is checkpointed now.
 */
function settleWal(live: string, healthy: boolean): void {
  const wal = `${live}-wal`;
  if (!healthy || !existsSync(wal) || statSync(wal).size === 0) return;
  const db = openDatabase(live);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/**
 * The replaced file gets a second name; the old store stays at its own path until the rename
 * replaces it. Where hard links are not possible, a copy made durable does the same.
 */
function keepReplaced(live: string, kept: string): void {
  for (const suffix of ['', '-wal']) {
    if (!existsSync(live + suffix)) continue;
    try {
      linkSync(live + suffix, kept + suffix);
    } catch {
      copyFileSync(live + suffix, kept + suffix);
      fsyncPath(kept + suffix);
    }
  }
}
