import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { appendAudit } from './audit';
import { iso } from './canonical';
import { connect, inspect, refuseNewer } from './connection';
import { InvalidInputError } from './errors';
import { openDatabase } from './sqlite';
import type { CaseStore } from './store';
import type { BackupInfo } from '../../shared/model/settings';

const DAY = 86_400_000;
const KEEP_DAILY = 7;
const KEEP_WEEKLY = 4;
const NAME = /^cases-(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z\.sqlite$/;

const stamp = (ms: number) => iso(ms).replace(/[-:.]/g, '');

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (m === null) return [];
      const createdAt = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
      return [{ file: join(dir, name), createdAt, bytes: statSync(join(dir, name)).size }];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function isBackupDue(dir: string, now: number): boolean {
  const newest = listBackups(dir)[0];
  return newest === undefined || now - Date.parse(newest.createdAt) > DAY;
}

/** The newest backup that passes a full integrity check now, for the damaged-store message. */
export function newestGoodBackup(dir: string): string | null {
  return listBackups(dir).find((backup) => inspect(backup.file, true).kind === 'ok')?.file ?? null;
}

/**
 * Copies the live database with the online backup API (writers keep working meanwhile)
 * under a temporary name; only a copy that passes integrity_check gets its real name and
 * counts. Rotation runs in the store's own backup folder only, never in a folder given
 * with --to, which may hold other copies the agent wants kept.
 */
export async function createBackup(store: CaseStore, dir = store.backupDir): Promise<BackupInfo> {
  if (store.damage !== null) throw store.damage;
  mkdirSync(dir, { recursive: true });
  const final = join(dir, `cases-${stamp(store.now())}.sqlite`);
  // Unique, so two backups started in the same millisecond never write into one file.
  const partial = `${final}.${randomUUID()}.partial`;
  try {
    await store.db.backup(partial);
    // The copy inherits WAL mode, and opening a WAL file read-only (the check below) leaves
    // -wal and -shm files beside it; a backup should be one self-contained file.
    const copy = openDatabase(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const check = inspect(partial, true);
    if (check.kind !== 'ok') {
      throw new Error(
        `the backup copy failed its integrity check (${check.kind === 'damaged' ? check.problem : 'missing'})`,
      );
    }
  } catch (error) {
    for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });
    throw error;
  }
  renameSync(partial, final);
  if (dir === store.backupDir) rotate(dir);
  return listBackups(dir).find((backup) => backup.file === final)!;
}

/** Keeps the newest backup of each of the last 7 days that have one and of the last 4 weeks. */
export function rotate(dir: string): void {
  const days = new Set<number>();
  const weeks = new Set<number>();
  for (const backup of listBackups(dir)) {
    const day = Math.floor(Date.parse(backup.createdAt) / DAY);
    // Day 0 (1970-01-01) was a Thursday; +3 makes weeks start on Monday.
    const week = Math.floor((day + 3) / 7);
    let keep = false;
    if (days.size < KEEP_DAILY && !days.has(day)) keep = days.add(day) !== undefined;
    if (weeks.size < KEEP_WEEKLY && !weeks.has(week)) keep = weeks.add(week) !== undefined;
    if (!keep) rmSync(backup.file, { force: true });
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the live database with a verified backup: the backup is checked first, the store
 * is closed, the copy is made durable under a temporary name and renamed into place, so a
 * crash leaves either the old file or the new one. The replaced file (and any WAL beside
 * it, which must never be replayed onto the restored file) is kept as *.before-restore.
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
  const temp = `${live}.restore-tmp`;
  copyFileSync(backupFile, temp);
  fsyncPath(temp);
  store.close();
  const kept = `${live}.${stamp(store.now())}.before-restore`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(live + suffix)) renameSync(live + suffix, kept + suffix);
  }
  renameSync(temp, live);
  fsyncPath(dirname(live));
  store.attach(connect(live));
  store.write(() =>
    appendAudit(store, {
      caseRef: null,
      action: 'store.restore',
      actor,
      detail: { backup: basename(backupFile), replacedFileKeptAs: basename(kept) },
    }),
  );
  return kept;
}
