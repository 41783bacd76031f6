import {
  QueueQuerySchema,
  ViewQuerySchema,
  type SavedView,
  type ViewQuery,
} from '../../../shared/model/queue';
import { appendAudit, type CaseStore, NotFoundError } from '../core';
import { countCases } from './queue';

interface ViewRow {
  name: string;
  query: string;
}

/** The saved views by name, each with how many cases it holds now (counted per view). */
export function listViews(store: CaseStore): SavedView[] {
  const rows = store.sql('SELECT name, query FROM saved_views ORDER BY name').all() as ViewRow[];
  return rows.map(({ name, query }) => {
    const parsed = ViewQuerySchema.parse(JSON.parse(query));
    return { name, query: parsed, count: countCases(store, QueueQuerySchema.parse(parsed)) };
  });
}

/** Saves a named view, replacing one of the same name. */
export function saveView(store: CaseStore, name: string, query: ViewQuery, actor: string): SavedView[] {
  store.write(() => {
    store
      .sql(
        `INSERT INTO saved_views (name, query, created_by, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET query = excluded.query`,
      )
      .run(name, JSON.stringify(query), actor, store.now());
    appendAudit(store, { caseRef: null, action: 'view.save', actor, detail: { name, query } });
  });
  return listViews(store);
}

export function deleteView(store: CaseStore, name: string, actor: string): SavedView[] {
  store.write(() => {
    const { changes } = store.sql('DELETE FROM saved_views WHERE name = ?').run(name);
    if (changes === 0) throw new NotFoundError(`no saved view "${name}"`);
    appendAudit(store, { caseRef: null, action: 'view.delete', actor, detail: { name } });
  });
  return listViews(store);
}
