import { type CaseStore, openDatabase, readAnchors, verifyAudit } from '../core';
import { dataProblems } from './audit-data';
import { listBackups, newestGoodBackup } from './backup';
import { isCorruption } from './damage';
import { dayFigureProblems } from './day-figures-check';
import { searchIndexProblems } from './search-check';

export interface StoreVerification {
  ok: boolean;
  rows: number;
  /** The first row of the chain that is wrong or missing, when a row is to blame. */
  firstBadSeq: number | null;
  /** Every finding, worded for the agent; empty when ok. */
  problems: string[];
}

/** Clocks drift a little between machines; beyond this a date is in the future. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * verify-audit: the file's own integrity (SQLite's integrity_check), the hash chain, the data
 * against the trail (audit-data.ts), then the chain against what was seen outside the file:
 * the newest backup since the last restore and the anchor file. Dates in the future are
 * reported and never trusted to switch a check off.
 */
export function verifyAuditWithBackups(store: CaseStore): StoreVerification {
  try {
    return verifyStore(store);
  } catch (error) {
    // A flipped bit in the schema's own text passes integrity_check and then fails a query
    // ("no such column: created_at"): the file is not the store it claims to be either.
    if (!isCorruption(error) && !isSchemaMismatch(error)) throw error;
    return damaged(store, (error as Error).message);
  }
}

const isSchemaMismatch = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'SQLITE_ERROR' &&
  /^no such (column|table)|malformed/.test((error as Error).message);

function verifyStore(store: CaseStore): StoreVerification {
  const integrity = (store.db.pragma('integrity_check') as Record<string, string>[]).map(
    (row) => Object.values(row)[0],
  );
  if (integrity.length !== 1 || integrity[0] !== 'ok')
    return damaged(store, integrity.slice(0, 3).join('; '));
  // FTS5's own check of the search index's structure, which integrity_check leaves out.
  try {
    store.db.exec("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')");
  } catch (error) {
    return damaged(store, `the search index: ${(error as Error).message}`);
  }
  const chain = verifyAudit(store);
  if (!chain.ok) {
    return {
      ...chain,
      problems: [
        `audit row ${chain.firstBadSeq} does not match the hash chain; it or a row before it was changed outside the console`,
      ],
    };
  }
  let problems: string[];
  try {
    problems = [...dataProblems(store), ...searchIndexProblems(store), ...dayFigureProblems(store)];
  } catch (error) {
    // A flip in the schema's own text can leave a column unreadable though quick_check passes.
    return damaged(store, `the data cannot be read: ${(error as Error).message}`);
  }
  const now = store.now();
  const future = store
    .sql('SELECT seq, at FROM audit WHERE at > ? ORDER BY seq LIMIT 5')
    .all(now + FUTURE_SLACK_MS) as { seq: number; at: number }[];
  for (const row of future) {
    problems.push(
      `audit row ${row.seq} is dated ${new Date(row.at).toISOString()}, in the future; it is not trusted`,
    );
  }
  const lastRestore = store
    .sql("SELECT max(at) FROM audit WHERE action = 'store.restore' AND at <= ?")
    .pluck()
    .get(now + FUTURE_SLACK_MS) as number | null;
  let firstBadSeq: number | null = null;
  for (const backup of listBackups(store.backupDir)) {
    const createdAt = Date.parse(backup.createdAt);
    if (createdAt > now + FUTURE_SLACK_MS) {
      problems.push(`the backup ${backup.file} is dated in the future; it is not trusted`);
      continue;
    }
    if (lastRestore !== null && createdAt <= lastRestore) break;
    const missing = firstRowNotInLiveChain(store, backup.file);
    if (missing !== null) {
      firstBadSeq = missing;
      problems.push(
        `audit row ${missing} of the backup ${backup.file} is missing or different in the store: ` +
          'rows were cut off or rewritten after that backup',
      );
    }
    break;
  }
  const anchorProblem = checkAnchors(store, chain.rows);
  if (anchorProblem !== null) {
    firstBadSeq ??= anchorProblem.seq;
    problems.push(anchorProblem.message);
  }
  return { ok: problems.length === 0, rows: chain.rows, firstBadSeq, problems };
}

function damaged(store: CaseStore, problem: string): StoreVerification {
  const backup = newestGoodBackup(store.backupDir);
  return {
    ok: false,
    rows: 0,
    firstBadSeq: null,
    problems: [
      `the store file is damaged (${problem}). ` +
        (backup === null
          ? 'No good backup was found.'
          : `Restore the newest good backup: refund-console restore ${backup}`),
    ],
  };
}

function firstRowNotInLiveChain(store: CaseStore, backupFile: string): number | null {
  let copy;
  try {
    copy = openDatabase(backupFile, { readonly: true, fileMustExist: true });
  } catch {
    return null; // an unreadable backup proves nothing either way
  }
  try {
    const live = store.db.prepare('SELECT hash FROM audit WHERE seq = ?').pluck();
    const rows = copy.prepare('SELECT seq, hash FROM audit ORDER BY seq').iterate() as Iterable<{
      seq: number;
      hash: string;
    }>;
    for (const row of rows) {
      if (live.get(row.seq) !== row.hash) return row.seq;
    }
    return null;
  } finally {
    copy.close();
  }
}

/**
 * Every head the anchor file recorded must still be in the chain with its hash; since the
 * chain links every row to the one before, each vouches for every row up to it. Lines before
 * the last restore this store's trail records no longer apply; a restore the trail does not
 * record (interrupted before its audit row) leaves the lines before it in force.
 */
function checkAnchors(store: CaseStore, rows: number): { seq: number; message: string } | null {
  const { anchors, unreadable } = readAnchors(store.file);
  if (unreadable.length > 0) {
    return {
      seq: 0,
      message: `the anchor file has unreadable lines (${unreadable.slice(0, 5).join(', ')}); it was edited`,
    };
  }
  const restores = new Set(
    store
      .sql("SELECT json_extract(detail, '$.restoreId') FROM audit WHERE action = 'store.restore'")
      .pluck()
      .all() as string[],
  );
  let lastApplied = -1;
  anchors.forEach((anchor, index) => {
    if (anchor.restore !== undefined && restores.has(anchor.restore)) lastApplied = index;
  });
  const inForce = anchors.slice(lastApplied + 1).filter((anchor) => anchor.restore === undefined);
  if (lastApplied >= 0) inForce.unshift(anchors[lastApplied]!);
  if (inForce.length === 0) return null;
  const furthest = inForce.reduce((best, anchor) => (anchor.seq > best.seq ? anchor : best));
  if (furthest.seq > rows) {
    return {
      seq: rows + 1,
      message:
        `the anchor file shows the trail reached row ${furthest.seq} (${new Date(furthest.at).toISOString()}), ` +
        `but the store ends at row ${rows}: rows were cut off or the file was rolled back ` +
        '(an interrupted restore leaves the replaced file beside it as *.before-restore)',
    };
  }
  const hashAt = store.sql('SELECT hash FROM audit WHERE seq = ?').pluck();
  for (const anchor of inForce) {
    const when = new Date(anchor.at).toISOString();
    if (hashAt.get(anchor.seq) !== anchor.hash) {
      return {
        seq: anchor.seq,
        message: `audit row ${anchor.seq} differs from the head the anchor file recorded at ${when}: the trail was rewritten`,
      };
    }
  }
  return null;
}
