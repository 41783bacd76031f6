import { addNote, type CaseStore } from '../store';
import type { Implementations } from './types';

export const noteHandlers = (store: CaseStore): Implementations<'notes.add'> => ({
  'notes.add': ({ ref, author, body }) => addNote(store, ref, author, body),
});
