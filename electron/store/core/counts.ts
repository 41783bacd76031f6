import type { CaseRow } from './rows';
import type { CaseStore } from './store';

/** The columns the queue's total groups by, as case_counts stores them (NULL as ''). */
export type CountKey = Pick<CaseRow, 'status' | 'product_type' | 'latest_outcome' | 'assignee'>;

const parts = (key: CountKey) => [
  key.status,
  key.product_type ?? '',
  key.latest_outcome ?? '',
  key.assignee ?? '',
];

/** Adds `delta` cases to a group; call inside the transaction that makes the change. */
export function addToCount(store: CaseStore, key: CountKey, delta: number): void {
  store
    .sql(
      `INSERT INTO case_counts (status, product_type, latest_outcome, assignee, n) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    )
    .run(...parts(key), delta);
}

/** Moves one case between groups when a change touched the grouped columns. */
export function moveCount(store: CaseStore, before: CountKey, after: CountKey): void {
  if (parts(before).join('\0') === parts(after).join('\0')) return;
  addToCount(store, before, -1);
  addToCount(store, after, 1);
}

/** Adds many new cases with one statement per group instead of one per case (imports). */
export function addAllToCounts(store: CaseStore, keys: Iterable<CountKey>): void {
  const groups = new Map<string, { key: CountKey; n: number }>();
  for (const key of keys) {
    const id = parts(key).join('\0');
    const group = groups.get(id) ?? groups.set(id, { key, n: 0 }).get(id)!;
    group.n++;
  }
  for (const { key, n } of groups.values()) addToCount(store, key, n);
}
