import { appendAudit, type CaseStore, iso } from '../core';

/** A template the team edited; the console's own wording stands for every other one. */
export interface StoredTemplate {
  outcome: string;
  language: string;
  body: string;
  updatedAt: string;
  updatedBy: string;
}

interface TemplateRow {
  outcome: string;
  language: string;
  body: string;
  updated_at: number;
  updated_by: string;
}

const toTemplate = (row: TemplateRow): StoredTemplate => ({
  outcome: row.outcome,
  language: row.language,
  body: row.body,
  updatedAt: iso(row.updated_at),
  updatedBy: row.updated_by,
});

export function listReplyTemplates(store: CaseStore): StoredTemplate[] {
  const rows = store.sql('SELECT * FROM reply_templates ORDER BY outcome, language').all() as TemplateRow[];
  return rows.map(toTemplate);
}

const findTemplate = (store: CaseStore, outcome: string, language: string) =>
  store.sql('SELECT * FROM reply_templates WHERE outcome = ? AND language = ?').get(outcome, language) as
    TemplateRow | undefined;

/**
 * Saves the team's wording for one outcome and language, or with a null body goes back to the
 * console's own. The audit row keeps the wording before and after: templates are short, and
 * what a team told its customers is worth being able to trace.
 */
export function saveReplyTemplate(
  store: CaseStore,
  request: { outcome: string; language: string; body: string | null; agent: string },
): StoredTemplate | null {
  const { outcome, language, body, agent } = request;
  return store.write(() => {
    const before = findTemplate(store, outcome, language);
    if ((before?.body ?? null) === body) return before === undefined ? null : toTemplate(before);
    if (body === null) {
      store.sql('DELETE FROM reply_templates WHERE outcome = ? AND language = ?').run(outcome, language);
    } else {
      store
        .sql(
          `INSERT INTO reply_templates (outcome, language, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (outcome, language) DO UPDATE SET body = excluded.body,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(outcome, language, body, store.now(), agent);
    }
    appendAudit(store, {
      caseRef: null,
      action: 'template.save',
      actor: agent,
      detail: { outcome, language, from: before?.body ?? null, to: body },
    });
    const after = findTemplate(store, outcome, language);
    return after === undefined ? null : toTemplate(after);
  });
}
