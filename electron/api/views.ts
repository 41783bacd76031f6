import { type CaseStore, deleteView, listViews, saveView } from '../store';
import type { Implementations } from './types';

export const viewHandlers = (
  store: CaseStore,
): Implementations<'views.list' | 'views.save' | 'views.delete'> => ({
  'views.list': () => ({ items: listViews(store) }),
  'views.save': ({ name, query, agent }) => ({ items: saveView(store, name, query, agent) }),
  'views.delete': ({ name, agent }) => ({ items: deleteView(store, name, agent) }),
});
