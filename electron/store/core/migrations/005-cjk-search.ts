import type { Migration } from './types';

// Frozen: the search entry below is how search.ts and cjk.ts wrote one when this migration was
// written, copied here so later changes to the live search code cannot change what an old
// store gets (a change to the entries of existing cases is a new migration).

interface Row {
  id: number;
  customer_name: string;
  contact: string | null;
  account_id: string | null;
  order_id: string | null;
  product_name: string;
  provider: string;
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}/gu;

function cjkPairs(text: string): string {
  const runs = text.normalize('NFKC').match(CJK_RUN) ?? [];
  return runs
    .flatMap((run) => {
      const chars = [...run];
      return chars.slice(1).map((char, index) => `${chars[index]}${char}`);
    })
    .join(' ');
}

const hasCjkRun = (text: string | null) => text !== null && cjkPairs(text) !== '';

const withPairs = (text: string) => {
  const pairs = cjkPairs(text);
  return pairs === '' ? text : `${text} ${pairs}`;
};

/**
 * Search entries since this version carry the CJK pairs of customer, product and provider
 * (cjk.ts), so 腾飞 finds 深圳市腾飞网络科技有限公司. Cases written before get theirs here;
 * only cases with such text change, the others' entries are already what they would be.
 */
const cjkSearch: Migration = {
  version: 5,
  name: 'cjk-search',
  up(db) {
    const notes = db.prepare('SELECT body FROM notes WHERE case_id = ? ORDER BY id').pluck();
    const rows = db
      .prepare('SELECT id, customer_name, contact, account_id, order_id, product_name, provider FROM cases')
      .iterate() as IterableIterator<Row>;
    const toIndex: Row[] = [];
    for (const row of rows) {
      if ([row.customer_name, row.contact, row.product_name, row.provider].some(hasCjkRun)) toIndex.push(row);
    }
    const index = db.prepare(
      `INSERT OR REPLACE INTO cases_fts (rowid, ref, customer, account_id, order_id, product, provider, notes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of toIndex) {
      const ref = `RC-${String(row.id).padStart(6, '0')}`;
      const customer = row.contact === null ? row.customer_name : `${row.customer_name} ${row.contact}`;
      index.run(
        row.id,
        `${ref} ${ref.slice(3)}`,
        withPairs(customer),
        row.account_id,
        row.order_id,
        withPairs(row.product_name),
        withPairs(row.provider),
        (notes.all(row.id) as string[]).join('\n'),
      );
    }
  },
};

export default cjkSearch;
