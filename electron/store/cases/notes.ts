import type { CaseChange } from '../../../shared/model/case';
import type { CaseStore } from '../core';
import { listNotes } from './case-detail';
import { indexCase } from './search';
import { ADDITION, writeCase } from './write-case';

/**
 * A note adds to the case without touching what was decided, so it needs no revision: two
 * agents noting the same case at once both keep their notes. It still counts as a change.
 */
export function addNote(store: CaseStore, ref: string, author: string, body: string): CaseChange {
  return writeCase(store, ref, ADDITION, (row) => {
    const now = store.now();
    const { lastInsertRowid } = store
      .sql('INSERT INTO notes (case_id, author, body, created_at) VALUES (?, ?, ?, ?)')
      .run(row.id, author, body, now);
    store.sql('UPDATE cases SET updated_at = ?, revision = revision + 1 WHERE id = ?').run(now, row.id);
    indexCase(store, row.id, row, listNotes(store, row.id));
    return { action: 'note.add', actor: author, detail: { noteId: Number(lastInsertRowid), body } };
  });
}
