import { type CaseStore, iso, requireCase } from '../core';

// Drafts are autosaved every few seconds while an agent types a reply. They change nothing
// about the case and are not sent by the console, so they are not audited: a row per
// keystroke pause would bury the changes the trail exists for.

export function getDraft(store: CaseStore, ref: string, language: string) {
  const { id } = requireCase(store, ref);
  const row = store
    .sql('SELECT body, saved_at FROM drafts WHERE case_id = ? AND language = ?')
    .get(id, language) as { body: string; saved_at: number } | undefined;
  return { body: row?.body ?? null, savedAt: row === undefined ? null : iso(row.saved_at) };
}

export function saveDraft(store: CaseStore, ref: string, language: string, body: string) {
  const savedAt = store.now();
  store.write(() => {
    const { id } = requireCase(store, ref);
    store
      .sql(
        `INSERT INTO drafts (case_id, language, body, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (case_id, language) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at`,
      )
      .run(id, language, body, savedAt);
  });
  return { savedAt: iso(savedAt) };
}
