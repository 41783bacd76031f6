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
 * marks, '-' and '_'), each token is quoted and all must match; with `prefix`, the last one
 * matches as a prefix so results follow the typing. Null when nothing searchable is left.
 */
export function toFtsQuery(text: string, prefix = true): string | null {
  const tokens = text.normalize('NFKC').match(/[\p{L}\p{N}\p{M}\p{Co}_-]+/gu) ?? [];
  const terms = tokens.filter((token) => /[\p{L}\p{N}]/u.test(token)).map((token) => `"${token}"`);
  if (terms.length === 0) return null;
  return `${terms.join(' ')}${prefix ? '*' : ''}`;
}

const matchingIds = (store: CaseStore, query: string, limit: number) =>
  store
    .sql('SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ORDER BY rowid DESC LIMIT ?')
    .pluck()
    .all(query, limit) as number[];

/**
 * Newest matching cases first, never ranked: ranking costs time in proportion to the
 * matches (half a second for a common word on 1M cases). Exact tokens are read lazily in
 * rowid order and stop at the limit, so a common word fills its page in well under a
 * millisecond; a prefix, though, makes FTS5 merge the postings of every term it covers.
 * So the exact query runs first and the prefix one only when that leaves the page short
 * (an id or a word still being typed). A short prefix of a family of ids ("o-2026") stays
 * slow on a big store; see bench/README.md.
 */
export function searchCases(store: CaseStore, text: string, limit: number): CaseSummary[] {
  const exact = toFtsQuery(text, false);
  if (exact === null) return [];
  let ids = matchingIds(store, exact, limit);
  if (ids.length < limit) ids = matchingIds(store, toFtsQuery(text)!, limit);
  if (ids.length === 0) return [];
  const rows = store
    .sql(`SELECT ${SUMMARY_COLUMNS} FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id DESC`)
    .all(JSON.stringify(ids)) as CaseRow[];
  return rows.map(toSummary);
}
