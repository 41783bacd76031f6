import type { CaseSummary, Note } from '../../shared/model/case';
import { SUMMARY_COLUMNS, toSummary, type CaseRow } from './cases';
import { formatRef } from './refs';
import type { CaseStore } from './store';

export type SearchFields = Pick<
  CaseRow,
  'customer_name' | 'contact' | 'account_id' | 'order_id' | 'product_name' | 'provider'
>;

/**
 * (Re)writes a case's search entry: ref (also as bare digits, so "000123" finds RC-000123),
 * customer, ids, product, provider and every note. Call inside the writing transaction.
 */
export function indexCase(
  store: CaseStore,
  id: number,
  row: SearchFields,
  notes: readonly Pick<Note, 'body'>[],
): void {
  const ref = formatRef(id);
  store
    .sql(
      `INSERT OR REPLACE INTO cases_fts (rowid, ref, customer, account_id, order_id, product, provider, notes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      `${ref} ${ref.slice(3)}`,
      row.contact === null ? row.customer_name : `${row.customer_name} ${row.contact}`,
      row.account_id,
      row.order_id,
      row.product_name,
      row.provider,
      notes.map((note) => note.body).join('\n'),
    );
}

/**
 * Turns what an agent types into an FTS5 query that cannot be a syntax error. The text is
 * cut into tokens exactly where the index's tokenizer cuts (anything but letters, digits,
 * marks, '-' and '_'), each token is quoted, all must match, and the last one matches as a
 * prefix so results follow the typing. Null when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const tokens = text.normalize('NFKC').match(/[\p{L}\p{N}\p{M}\p{Co}_-]+/gu) ?? [];
  const terms = tokens.filter((token) => /[\p{L}\p{N}]/u.test(token)).map((token) => `"${token}"`);
  if (terms.length === 0) return null;
  return `${terms.join(' ')}*`;
}

/**
 * Newest matching cases first. Ranking every match by relevance costs time in proportion to
 * the number of matches (half a second for a common word on 1M cases), so the FTS index is
 * walked in rowid order, newest first, and stops at the limit; an exact id finds few rows
 * anyway.
 */
export function searchCases(store: CaseStore, text: string, limit: number): CaseSummary[] {
  const query = toFtsQuery(text);
  if (query === null) return [];
  const rows = store
    .sql(
      `SELECT ${SUMMARY_COLUMNS} FROM cases WHERE id IN (
         SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
       ORDER BY id DESC`,
    )
    .all(query, limit) as CaseRow[];
  return rows.map(toSummary);
}
