import type { CaseSummary, Note } from '../../../shared/model/case';
import { cjkPairs, cjkQueryPairs } from './cjk';
import {
  type CaseRow,
  type CaseStore,
  formatRef,
  SUMMARY_COLUMNS,
  type SummaryRow,
  toSummary,
} from '../core';

export type SearchFields = Pick<
  CaseRow,
  'customer_name' | 'contact' | 'account_id' | 'order_id' | 'product_name' | 'provider'
>;

const INDEX_CASE = (table: string) =>
  `INSERT OR REPLACE INTO ${table} (rowid, ref, customer, account_id, order_id, product, provider, notes)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/** A text with the CJK pairs of its runs after it (cjk.ts), so a part of a Chinese name matches. */
const withPairs = (text: string) => {
  const pairs = cjkPairs(text);
  return pairs === '' ? text : `${text} ${pairs}`;
};

/** The texts of a case's entry that come from its row: customer, product, provider with their pairs. */
export function searchTexts(row: SearchFields): { customer: string; product: string; provider: string } {
  return {
    customer: withPairs(row.contact === null ? row.customer_name : `${row.customer_name} ${row.contact}`),
    product: withPairs(row.product_name),
    provider: withPairs(row.provider),
  };
}

/**
 * The entry's ref text, as SQL over an id column, for writes that make many entries in one
 * statement (an import's commit). It must equal `${formatRef(id)} ${digits}`: search.test.ts
 * holds the two together on both sides of six digits.
 */
export const refEntrySql = (idColumn: string) => `printf('RC-%06d %06d', ${idColumn}, ${idColumn})`;

/** The values of a case's search entry, in INDEX_CASE's order. */
function entryOf(id: number, row: SearchFields, notes: readonly Pick<Note, 'body'>[]): unknown[] {
  const ref = formatRef(id);
  const { customer, product, provider } = searchTexts(row);
  return [
    id,
    `${ref} ${ref.slice(3)}`,
    customer,
    row.account_id,
    row.order_id,
    product,
    provider,
    notes.map((note) => note.body).join('\n'),
  ];
}

/**
 * (Re)writes a case's search entry (in `table`: the search-index check builds a second one):
 * ref (also as bare digits, so "000123" finds RC-000123), customer, ids, product, provider
 * (each with its CJK pairs) and every note. Call inside the writing transaction.
 */
export function indexCase(
  store: CaseStore,
  id: number,
  row: SearchFields,
  notes: readonly Pick<Note, 'body'>[],
  table = 'cases_fts',
): void {
  store.sql(INDEX_CASE(table)).run(...entryOf(id, row, notes));
}

/**
 * Cuts what an agent types into the tokens the index holds: exactly where its tokenizer cuts
 * (anything but letters, digits, marks, '-' and '_'), dropping tokens with nothing to search.
 */
function tokensOf(text: string): string[] {
  const tokens = text.normalize('NFKC').match(/[\p{L}\p{N}\p{M}\p{Co}_-]+/gu) ?? [];
  return tokens.filter((token) => /[\p{L}\p{N}]/u.test(token));
}

/**
 * Turns what an agent types into an FTS5 query that cannot be a syntax error: each token
 * quoted, all must match; with `prefix`, the last one matches as a prefix so results follow
 * the typing. Null when nothing searchable is left.
 */
export function toFtsQuery(text: string, prefix = true): string | null {
  const tokens = tokensOf(text);
  if (tokens.length === 0) return null;
  // Explicit AND: FTS5 takes no implicit AND after a parenthesised group.
  return tokens.map((token, index) => termOf(token, prefix && index === tokens.length - 1)).join(' AND ');
}

/**
 * One typed token as FTS5 terms, quoted (with `*` as a prefix). A CJK run also matches by its
 * pairs, all of them (a part of a name); the token itself still matches where no pairs are
 * indexed (notes) or as the start of a word.
 */
function termOf(token: string, prefix: boolean): string {
  const whole = `"${token}"${prefix ? '*' : ''}`;
  const pairs = cjkQueryPairs(token);
  return pairs === null ? whole : `(${pairs.map((pair) => `"${pair}"`).join(' ')} OR ${whole})`;
}

const matchingIds = (store: CaseStore, query: string, limit: number) =>
  store
    .sql('SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ORDER BY rowid DESC LIMIT ?')
    .pluck()
    .all(query, limit) as number[];

/** How many indexed words a typed prefix may stand for before it is narrowed (see below). */
export const PREFIX_WORDS = 64;

/** The index's own form of a word: case and Latin diacritics folded, as unicode61 does. */
const folded = (token: string) => token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The last token as the indexed words it begins, read from the index's vocabulary in word
 * order. FTS5 answers `"o-2026"*` by merging the postings of every word under the prefix,
 * which for a family of ids is every case (0.2 s on 1M cases, per keystroke). Naming the
 * words instead lets it read them lazily. A prefix of more than PREFIX_WORDS words (a family of
 * ids) stands for its first PREFIX_WORDS only, so it shows some matches, not all, until the
 * agent types more; when the vocabulary knows no such word the plain prefix query runs.
 */
function prefixQuery(store: CaseStore, text: string): string {
  const tokens = tokensOf(text);
  if (cjkQueryPairs(tokens.at(-1)!) !== null) return toFtsQuery(text, false)!;
  const last = folded(tokens.pop()!);
  const words = store
    .sql(
      `SELECT term FROM temp.cases_fts_vocab WHERE term >= ? AND term < ? ORDER BY term LIMIT ${PREFIX_WORDS}`,
    )
    .pluck()
    .all(last, `${last}\u{10FFFF}`) as string[];
  const head = tokens.map((token) => `${termOf(token, false)} AND `).join('');
  const tail = words.length === 0 ? `"${last}"*` : `(${words.map((word) => `"${word}"`).join(' OR ')})`;
  return `${head}${tail}`;
}

/**
 * Newest matching cases first, never ranked: ranking costs time in proportion to the
 * matches (half a second for a common word on 1M cases). Exact tokens are read lazily in
 * rowid order and stop at the limit, so a common word fills its page in well under a
 * millisecond. The prefix query runs only when the exact one leaves the page short (an id or
 * a word still being typed).
 */
export function searchCases(store: CaseStore, text: string, limit: number): CaseSummary[] {
  const exact = toFtsQuery(text, false);
  if (exact === null) return [];
  let ids = matchingIds(store, exact, limit);
  if (ids.length < limit) ids = matchingIds(store, prefixQuery(store, text), limit);
  if (ids.length === 0) return [];
  const rows = store
    .sql(`SELECT ${SUMMARY_COLUMNS} FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id DESC`)
    .all(JSON.stringify(ids)) as SummaryRow[];
  return rows.map(toSummary);
}
