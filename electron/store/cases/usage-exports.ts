import { createHash } from 'node:crypto';
import { type CaseStore, iso, requireCase } from '../core';
import { ADDITION, writeCase } from './write-case';

export interface StoredUsageExport {
  text: string | null;
  savedAt: string | null;
  savedBy: string | null;
}

/** The usage export kept with a case for its explainer; nulls when none was pasted yet. */
export function getUsageExport(store: CaseStore, ref: string): StoredUsageExport {
  const { id } = requireCase(store, ref);
  const row = store.sql('SELECT body, saved_at, saved_by FROM usage_exports WHERE case_id = ?').get(id) as
    { body: string; saved_at: number; saved_by: string } | undefined;
  return row === undefined
    ? { text: null, savedAt: null, savedBy: null }
    : { text: row.body, savedAt: iso(row.saved_at), savedBy: row.saved_by };
}

/**
 * Keeps the export with the case, replacing the one before. The audit row names it by size and
 * digest (the export can be long) with the figures an agent reads it for; the same text saved
 * again changes nothing and appends nothing.
 */
export function saveUsageExport(
  store: CaseStore,
  ref: string,
  text: string,
  agent: string,
  summary: Record<string, number>,
): StoredUsageExport {
  let saved: StoredUsageExport = { text, savedAt: iso(store.now()), savedBy: agent };
  writeCase(store, ref, ADDITION, ({ id }) => {
    const before = getUsageExport(store, ref);
    if (before.text === text) {
      saved = before;
      return null;
    }
    const now = store.now();
    saved = { text, savedAt: iso(now), savedBy: agent };
    store
      .sql(
        `INSERT INTO usage_exports (case_id, body, saved_at, saved_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (case_id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at,
           saved_by = excluded.saved_by`,
      )
      .run(id, text, now, agent);
    return {
      action: 'usage.export',
      actor: agent,
      detail: {
        characters: text.length,
        sha256: createHash('sha256').update(text).digest('hex'),
        replaced: before.text !== null,
        ...summary,
      },
    };
  });
  return saved;
}
