import { verifyAudit, type AuditVerification } from './audit';
import { listBackups } from './backup';
import { openDatabase } from './sqlite';
import type { CaseStore } from './store';

/**
 * The hash chain alone cannot show rows cut off its end (with the triggers dropped first).
 * Backups are copies kept outside the live file, so every row a backup holds must still be in
 * the live chain with the same hash. Only backups taken since the last restore count: a
 * restore rightly replaces the rows written after the backup it restored.
 */
export function verifyAuditWithBackups(store: CaseStore): AuditVerification {
  const chain = verifyAudit(store);
  if (!chain.ok) return chain;
  const lastRestore = store.sql("SELECT max(at) FROM audit WHERE action = 'store.restore'").pluck().get() as
    number | null;
  const backup = listBackups(store.backupDir).find(
    (candidate) => lastRestore === null || Date.parse(candidate.createdAt) > lastRestore,
  );
  if (backup === undefined) return chain;
  const firstMissing = firstRowNotInLiveChain(store, backup.file);
  return firstMissing === null ? chain : { ok: false, rows: chain.rows, firstBadSeq: firstMissing };
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
