import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { type CaseStore, InvalidInputError, inspect, iso, openDatabase } from '../core';
import type { BackupInfo } from '../../../shared/model/settings';

const DAY = 86_400_000;
const KEEP_DAILY = 7;
const KEEP_WEEKLY = 4;
const KEEP_MANUAL = 10;
/** An automatic backup is `cases-<stamp>.sqlite`; one taken by hand ends in `-manual`. */
const NAME = /^cases-(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z(-manual)?\.sqlite$/;

/** A backup that has copied nothing for this long is stuck (a read-only file made it spin). */
const STALL_LIMIT_MS = 30_000;
const PAGES_PER_STEP = 100;
/** Clocks drift a little between machines; a backup stamped later than this is in the future. */
const FUTURE_SLACK_MS = 5 * 60_000;

export const stamp = (ms: number) => iso(ms).replace(/[-:.]/g, '');

/** Whether this process may create files in the folder (SQLite's answer would be SQLITE_CANTOPEN). */
export function isWritable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (m === null) return [];
      const createdAt = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
      const kind = m[8] === undefined ? 'automatic' : 'manual';
      return [{ file: join(dir, name), createdAt, bytes: statSync(join(dir, name)).size, kind } as const];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A backup stamped in the future (a wrong clock, or planted) does not put the next one off. */
export function isBackupDue(dir: string, now: number): boolean {
  const newest = listBackups(dir).find((backup) => Date.parse(backup.createdAt) <= now + FUTURE_SLACK_MS);
  return newest === undefined || now - Date.parse(newest.createdAt) > DAY;
}

/** What an interrupted backup left behind; only the store's owner calls this, under its lock. */
export function removePartialBackups(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (/\.partial(-wal|-shm)?$/.test(name)) rmSync(join(dir, name), { force: true });
  }
}

/** The newest backup that passes a full integrity check now, for the damaged-store message. */
export function newestGoodBackup(dir: string): string | null {
  return listBackups(dir).find((backup) => inspect(backup.file, 'full').kind === 'ok')?.file ?? null;
}

/**
 * Copies the live database with the online backup API (writers keep working meanwhile)
 * under a temporary name; only a copy that passes integrity_check gets its real name and
 * counts. Rotation runs in the store's own backup folder only, never in a folder given
 * with --to, which may hold other copies the agent wants kept.
 */
export async function createBackup(
  store: CaseStore,
  dir = store.backupDir,
  options: { stallLimitMs?: number; kind?: BackupInfo['kind'] } = {},
): Promise<BackupInfo> {
  if (store.damage !== null) throw store.damage;
  mkdirSync(dir, { recursive: true });
  // Said here: SQLite's own "unable to open" reads as if the store itself could not be used.
  if (!isWritable(dir)) {
    throw new InvalidInputError(
      `${dir} is read-only: the backup cannot be written there. Choose a folder you can write to, or make this one writable.`,
    );
  }
  // Taken by hand unless the store's daily backup says otherwise (open.ts).
  const suffix = options.kind === 'automatic' ? '' : '-manual';
  const final = join(dir, `cases-${stamp(store.now())}${suffix}.sqlite`);
  // Unique, so two backups started in the same millisecond never write into one file.
  const partial = `${final}.${randomUUID()}.partial`;
  let head: { seq: number; hash: string } | undefined;
  try {
    await store.db.backup(partial, { progress: stallGuard(options.stallLimitMs ?? STALL_LIMIT_MS) });
    // The copy inherits WAL mode, and opening a WAL file read-only (the check below) leaves
    // -wal and -shm files beside it; a backup should be one self-contained file.
    const copy = openDatabase(partial);
    copy.pragma('journal_mode = DELETE');
    head = copy.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as typeof head;
    copy.close();
    const check = inspect(partial, 'full');
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
  // The head this backup saw goes to the anchor file too, outside the database.
  if (head !== undefined) store.anchors?.append({ ...head, at: store.now(), backup: basename(final) }, true);
  store.health?.checked(store.now());
  if (dir === store.backupDir) rotate(dir);
  return listBackups(dir).find((backup) => backup.file === final)!;
}

/** Aborts a backup whose remaining page count has not gone down for `limitMs`. */
export function stallGuard(limitMs: number) {
  let remaining = Infinity;
  let since = Date.now();
  return ({ remainingPages }: { remainingPages: number }) => {
    if (remainingPages < remaining) {
      remaining = remainingPages;
      since = Date.now();
    } else if (Date.now() - since > limitMs) {
      throw new Error(`the backup made no progress for ${Math.round(limitMs / 1000)} s and was stopped`);
    }
    return PAGES_PER_STEP;
  };
}

/**
 * Keeps the newest automatic backup of each of the last 7 days that have one and of the last 4
 * weeks, and the newest 10 taken by hand. A backup taken by hand never takes a day's place: the
 * day's automatic one stays beside it.
 */
export function rotate(dir: string): void {
  const days = new Set<number>();
  const weeks = new Set<number>();
  const backups = listBackups(dir);
  const manual = backups.filter((backup) => backup.kind === 'manual');
  for (const backup of manual.slice(KEEP_MANUAL)) rmSync(backup.file, { force: true });
  for (const backup of backups.filter((backup) => backup.kind === 'automatic')) {
    const day = Math.floor(Date.parse(backup.createdAt) / DAY);
    // Day 0 (1970-01-01) was a Thursday; +3 makes weeks start on Monday.
    const week = Math.floor((day + 3) / 7);
    let keep = false;
    if (days.size < KEEP_DAILY && !days.has(day)) keep = days.add(day) !== undefined;
    if (weeks.size < KEEP_WEEKLY && !weeks.has(week)) keep = weeks.add(week) !== undefined;
    if (!keep) rmSync(backup.file, { force: true });
  }
}
