import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../../shared/model/case';
import { stateOfChange } from './audit-state';
import { canonicalJson, iso } from './canonical';
import { requireCase } from './rows';
import { enqueueChange } from './team-outbox';
import type { CaseStore } from './store';

const GENESIS = '0'.repeat(64);

export interface AuditInput {
  caseRef: string | null;
  action: string;
  actor: string;
  detail: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  case_ref: string | null;
  action: string;
  actor: string;
  at: number;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** The row's hash covers the previous hash and every field of the row, canonically encoded. */
function rowHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const content = canonicalJson({
    seq: row.seq,
    caseRef: row.case_ref,
    action: row.action,
    actor: row.actor,
    at: iso(row.at),
    detail: JSON.parse(row.detail) as unknown,
  });
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  // The state hashes are for verify-audit, not for the people reading the history.
  const { state: _state, ...detail } = JSON.parse(row.detail) as Record<string, unknown>;
  return {
    seq: row.seq,
    caseRef: row.case_ref,
    action: row.action,
    actor: row.actor,
    at: iso(row.at),
    detail,
    hash: row.hash,
  };
}

/**
 * Appends one row to the chain and returns it. Call inside the transaction of the change it
 * records: the tail is read there too, so two processes writing in turn still extend one chain.
 */
export function appendAudit(store: CaseStore, input: AuditInput): AuditEntry {
  const tail = auditHead(store);
  const state = stateOfChange(store, input);
  const row = {
    seq: (tail?.seq ?? 0) + 1,
    case_ref: input.caseRef,
    action: input.action,
    actor: input.actor,
    at: store.now(),
    // The state rides in the detail, which the row hash covers; rows written before it
    // existed simply have none (checked by chain only).
    detail: canonicalJson(state === undefined ? input.detail : { ...input.detail, state }),
  };
  const prevHash = tail?.hash ?? GENESIS;
  const hash = rowHash(prevHash, row);
  const stored = { ...row, prev_hash: prevHash, hash };
  store
    .sql(
      `INSERT INTO audit (seq, case_ref, action, actor, at, detail, prev_hash, hash)
       VALUES (@seq, @case_ref, @action, @actor, @at, @detail, @prev_hash, @hash)`,
    )
    .run(stored);
  store.pendingHead = { seq: row.seq, hash };
  enqueueChange(store, input);
  return toEntry(stored);
}

/** The last row of the chain (seq and hash), or null for an empty trail. */
export function auditHead(store: CaseStore): { seq: number; hash: string } | null {
  return (
    (store.sql('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined) ?? null
  );
}

/** A case's rows, including the import that created it (which names an id range, not a ref). */
export function listAudit(store: CaseStore, caseRef: string): AuditEntry[] {
  const caseId = requireCase(store, caseRef).id;
  const rows = store
    .sql(
      `SELECT * FROM audit WHERE case_ref = ?
       UNION ALL
       SELECT * FROM audit WHERE case_ref IS NULL AND action = 'cases.import'
         AND ? BETWEEN json_extract(detail, '$.firstId') AND json_extract(detail, '$.lastId')
       ORDER BY seq`,
    )
    .all(caseRef, caseId) as AuditRow[];
  return rows.map(toEntry);
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  firstBadSeq: number | null;
}

/**
 * Walks the whole chain. A row is bad when its seq breaks the sequence, its prev_hash is not
 * the previous row's hash, or its hash does not match its content. Rows cut off the end of
 * the chain leave no trace here; audit-backups.ts checks the chain against a backup for that.
 */
export function verifyAudit(store: CaseStore): AuditVerification {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let rows = 0;
  // Iterating a statement keeps it busy, so this one is prepared fresh rather than cached.
  for (const row of store.db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as Iterable<AuditRow>) {
    rows++;
    let good = row.seq === expectedSeq && row.prev_hash === prevHash;
    try {
      good &&= rowHash(prevHash, row) === row.hash;
    } catch {
      good = false;
    }
    if (!good) {
      const total = store.sql('SELECT count(*) FROM audit').pluck().get() as number;
      return { ok: false, rows: total, firstBadSeq: row.seq };
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  return { ok: true, rows, firstBadSeq: null };
}
