import { hasCjkRun } from '../../cases/cjk';
import { reindexCase, type SearchFields } from '../../cases/search';
import type { Migration } from './types';

type Row = SearchFields & { id: number };

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
    for (const row of toIndex) reindexCase(db, row.id, row, notes.all(row.id) as string[]);
  },
};

export default cjkSearch;
