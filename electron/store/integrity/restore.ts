import { randomUUID } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import { appendAudit } from '../core/audit';
import { stamp } from './backup';
import { connect, inspect, refuseNewer } from '../core/connection';
import { InvalidInputError } from '../core/errors';
import { openDatabase } from '../core/sqlite';
import type { CaseStore } from '../core/store';

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
  const check = inspect(backupFile, true);
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
  const copied = inspect(temp, true);
  if (copied.kind !== 'ok') {
    removeWithSidecars(temp);
    throw new Error(`the restored copy of ${backupFile} failed its integrity check`);
  }
  fsyncPath(temp);

  const damage = store.damage;
  store.detach();
  const kept = `${live}.${stamp(store.now())}.before-restore`;
  const restoreId = randomUUID();
  try {
    settleWal(live, damage === null);
    keepReplaced(live, kept);
    fsyncPath(dirname(live));
    // A WAL still beside the live name (only a damaged file's: it is kept with it above) must
    // never be replayed onto the restored file, so it goes before the rename.
    rmSync(`${live}-wal`, { force: true });
    rmSync(`${live}-shm`, { force: true });
    const marker = { seq: head?.seq ?? 0, hash: head?.hash ?? '', at: store.now(), restore: restoreId };
    store.anchors?.append(marker, true);
  } catch (error) {
    // Nothing was swapped: the store goes on as it was.
    store.attach(damage === null ? connect(live) : openDatabase(live, { readonly: true }));
    store.damage = damage;
    removeWithSidecars(temp);
    throw error;
  }
  renameSync(temp, live);
  fsyncPath(dirname(live));

  store.attach(connect(live));
  store.write(() =>
    appendAudit(store, {
      caseRef: null,
      action: 'store.restore',
      actor,
      detail: { backup: basename(backupFile), replacedFileKeptAs: basename(kept), restoreId },
    }),
  );
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
