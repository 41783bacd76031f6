import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_JSON_SELECT, CASE_SELECT } from './audit-state';
import { canonicalJson } from './canonical';
import { tempStore } from '../test-support/temp-store';

let env: ReturnType<typeof tempStore>;
beforeEach(() => (env = tempStore()));
afterEach(() => env.cleanup());

// Any text an import or a pull may carry: control characters, quotes, backslashes, CJK,
// emoji, line separators, and lone surrogates (stored as U+FFFD, read back as that).
const text = fc.string({ unit: 'binary', maxLength: 40 });
const instant = fc.integer({ min: 0, max: 8_640_000_000_000_000 });

describe('the range hash spells each case as caseHash does', () => {
  it('SQLite json_array of the case columns equals the JSON caseHash hashes, for any values', () => {
    const insert = env.store.db.prepare(`INSERT INTO cases (id, customer_name, account_id, contact, order_id,
      product_name, provider, product_type, facts, status, assignee, latest_outcome, window_closes_at,
      decided_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, NULL, ?, ?, ?, ?)`);
    let id = 0;
    fc.assert(
      fc.property(
        fc.tuple(text, text, fc.option(text), text, text, text, text),
        fc.option(instant),
        fc.option(instant),
        instant,
        ([name, account, contact, order, product, provider, facts], closes, decided, created) => {
          id++;
          insert.run(
            id,
            name,
            account,
            contact,
            order,
            product,
            provider,
            'saas',
            facts,
            contact,
            closes,
            decided,
            created,
            created,
          );
          const row = env.store.db.prepare(`${CASE_SELECT} WHERE id = ?`).raw().get(id) as unknown[];
          const json = env.store.db.prepare(`${CASE_JSON_SELECT} WHERE id = ?`).pluck().get(id) as string;
          expect(json).toBe(canonicalJson(row));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
