import { CaseStore, connect, verifyAudit } from '../core';
import { dataProblems } from './audit-data';

/**
 * What verify-audit would find in a backup's own rows, on a private copy of it: the hash chain,
 * and every case, decision, note and setting against the state its trail recorded. A backup
 * edited outside the console (triggers dropped and put back, the chain left intact) is found
 * here before a restore swaps it in. The copy is migrated as the restore would migrate it.
 */
export function copyProblems(copyFile: string, now: () => number): string[] {
  const copy = new CaseStore(connect(copyFile), copyFile, '', now, null, null, null);
  try {
    const chain = verifyAudit(copy);
    if (!chain.ok) return [`audit row ${chain.firstBadSeq} does not match the hash chain`];
    return dataProblems(copy);
  } finally {
    copy.detach();
  }
}
