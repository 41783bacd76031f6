import { type CaseStore, getDraft, saveDraft } from '../store';
import type { Implementations } from './types';

export const draftHandlers = (store: CaseStore): Implementations<'drafts.get' | 'drafts.save'> => ({
  'drafts.get': ({ ref, language }) => getDraft(store, ref, language),
  'drafts.save': ({ ref, language, body }) => saveDraft(store, ref, language, body),
});
