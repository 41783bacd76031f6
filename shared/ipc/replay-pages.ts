import type { ResponseOf } from './contract';

type Answer = ResponseOf<'policy.replay'>;
type Group = Answer['groups'][number];

/** The change a group stands for: cases whose outcome, amount and clauses moved alike, for the same cause. */
export const groupKey = (group: Omit<Group, 'total' | 'cases'>): string =>
  JSON.stringify([
    group.cause,
    group.from,
    group.to,
    group.amountChanged,
    group.clausesAdded,
    group.clausesRemoved,
  ]);

/**
 * Largest group first; equal ones by their change, so that the order does not depend on how
 * the cases were split into pages.
 */
export function inGroupOrder(a: Group, b: Group): number {
  if (a.total !== b.total) return b.total - a.total;
  const [keyA, keyB] = [groupKey(a), groupKey(b)];
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/** The cases the answer lists so far, over all groups and the invalid ones. */
export const listedCases = (answer: Answer): number =>
  answer.groups.reduce((sum, group) => sum + group.cases.length, 0) + answer.invalid.length;

/**
 * Adds one page of a paged replay to the pages before it: counts add up, the groups of the
 * same change join, lists follow in case order. A client passes `limit - listedCases(sofar)`
 * as the next page's limit, so the merged lists hold what one call over every case would.
 */
export function mergeReplayPages(sofar: Answer | null, page: Answer): Answer {
  if (sofar === null) return page;
  const groups = new Map<string, Group>();
  for (const group of [...sofar.groups, ...page.groups]) {
    const key = groupKey(group);
    const joined = groups.get(key);
    if (joined === undefined) groups.set(key, { ...group, cases: [...group.cases] });
    else {
      joined.total += group.total;
      joined.cases.push(...group.cases);
    }
  }
  return {
    policy: page.policy,
    judged: sofar.judged + page.judged,
    changed: sofar.changed + page.changed,
    groups: [...groups.values()].sort(inGroupOrder),
    invalid: [...sofar.invalid, ...page.invalid],
    truncated: sofar.truncated || page.truncated,
    next: page.next,
    progress: page.progress,
  };
}
