import type { Note } from '../../shared/model/case';
import { appendAudit } from './audit';
import { iso } from './canonical';
import { requireCase } from './rows';
import { indexCase } from './search';
import type { CaseStore } from './store';

interface NoteRow {
  id: number;
  author: string;
  body: string;
  created_at: number;
}

const toNote = (row: NoteRow): Note => ({
  id: row.id,
  author: row.author,
  body: row.body,
  createdAt: iso(row.created_at),
});

export function listNotes(store: CaseStore, caseId: number): Note[] {
  const rows = store.sql('SELECT * FROM notes WHERE case_id = ? ORDER BY id').all(caseId) as NoteRow[];
  return rows.map(toNote);
}

export function addNote(store: CaseStore, ref: string, author: string, body: string): Note {
  return store.write(() => {
    const row = requireCase(store, ref);
    const now = store.now();
    const { lastInsertRowid } = store
      .sql('INSERT INTO notes (case_id, author, body, created_at) VALUES (?, ?, ?, ?)')
      .run(row.id, author, body, now);
    store.sql('UPDATE cases SET updated_at = ? WHERE id = ?').run(now, row.id);
    indexCase(store, row.id, row, listNotes(store, row.id));
    const note = toNote({ id: Number(lastInsertRowid), author, body, created_at: now });
    appendAudit(store, {
      caseRef: ref,
      action: 'note.add',
      actor: author,
      detail: { noteId: note.id, body },
    });
    return note;
  });
}
