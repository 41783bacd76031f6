import { indexCase, type SearchFields } from '../cases';
import type { CaseStore } from '../core';

const CHECK_TABLE = 'temp.search_check';
const PAGE = 5000;

/**
 * The search index is derived data, but a damaged one answers searches wrongly without a
 * word: SQLite's checks do not look inside FTS5's blobs, and FTS5's own integrity-check cannot
 * compare a contentless index with anything. So the index is built again, beside the real one
 * from the same definition and the same rows, and the two are compared word by word.
 */
export function searchIndexProblems(store: CaseStore): string[] {
  const { db } = store;
  const definition = db
    .prepare("SELECT sql FROM main.sqlite_master WHERE name = 'cases_fts'")
    .pluck()
    .get() as string | undefined;
  if (definition === undefined) return ['the search index is missing'];
  db.exec(`DROP TABLE IF EXISTS ${CHECK_TABLE}`);
  db.exec(
    definition.replace(/^CREATE VIRTUAL TABLE\s+"?cases_fts"?/i, `CREATE VIRTUAL TABLE ${CHECK_TABLE}`),
  );
  try {
    const notesOf = db.prepare('SELECT body FROM notes WHERE case_id = ? ORDER BY id');
    // Pages, not an iterator: better-sqlite3 runs nothing else on a connection mid-iteration.
    const page = db.prepare(
      `SELECT id, customer_name, contact, account_id, order_id, product_name, provider FROM cases
       WHERE id > ? ORDER BY id LIMIT ${PAGE}`,
    );
    db.transaction(() => {
      for (let after = 0; ;) {
        const rows = page.all(after) as (SearchFields & { id: number })[];
        if (rows.length === 0) break;
        for (const row of rows)
          indexCase(store, row.id, row, notesOf.all(row.id) as { body: string }[], CHECK_TABLE);
        after = rows.at(-1)!.id;
      }
    })();
    db.exec(`
      CREATE VIRTUAL TABLE temp.search_live USING fts5vocab(main, cases_fts, 'instance');
      CREATE VIRTUAL TABLE temp.search_rebuilt USING fts5vocab(temp, search_check, 'instance');`);
    const differing = db
      .prepare(
        `SELECT DISTINCT doc FROM (
           SELECT doc FROM (SELECT term, doc, col FROM temp.search_live
                            EXCEPT SELECT term, doc, col FROM temp.search_rebuilt)
           UNION ALL
           SELECT doc FROM (SELECT term, doc, col FROM temp.search_rebuilt
                            EXCEPT SELECT term, doc, col FROM temp.search_live))
         ORDER BY doc LIMIT 20`,
      )
      .pluck()
      .all() as number[];
    if (differing.length === 0) return [];
    return [
      `the search index does not match the cases it indexes (case ids ${differing.join(', ')}): ` +
        'searches may miss or wrongly find them; restore a backup',
    ];
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.search_live; DROP TABLE IF EXISTS temp.search_rebuilt;');
    db.exec(`DROP TABLE IF EXISTS ${CHECK_TABLE}`);
  }
}
