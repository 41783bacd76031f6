import type { ResponseOf } from '../../shared/ipc/contract';
import { groupKey, inGroupOrder } from '../../shared/ipc/replay-pages';
import {
  loadPolicy,
  replayRows,
  RULE_BOOK,
  type DecisionGist,
  type Policy,
  type PolicyBook,
  type PolicyRevisionData,
  type ReplayResult,
} from '../../shared/policy';
import { type CaseStore, InvalidInputError, lastCaseId, streamCasesForReplay } from '../store';
import type { Implementations } from './types';

type Answer = ResponseOf<'policy.replay'>;
type Group = Answer['groups'][number];
type Changed = Extract<ReplayResult, { change: 'changed' }>;

/** Without `since`, decided cases count as recent for this long; open ones always count. */
const RECENT_MS = 30 * 86_400_000;

function choosePolicy(
  revision: string | undefined,
  draft: PolicyRevisionData | undefined,
): Policy | PolicyBook {
  if (draft !== undefined) return loadPolicy(draft);
  if (revision === undefined) return RULE_BOOK;
  if (!RULE_BOOK.revisions.some((policy) => policy.revision === revision)) {
    const known = RULE_BOOK.revisions.map((policy) => policy.revision).join(', ');
    throw new InvalidInputError(`revision: "${revision}" is not a revision of the rule book (${known})`);
  }
  return RULE_BOOK.revision(revision);
}

/** What the replay is judged under, as the screen names it. */
function describePolicy(policy: Policy | PolicyBook, draft: boolean): Answer['policy'] {
  const named = policy === RULE_BOOK ? RULE_BOOK.revisions.at(-1)! : (policy as Policy);
  return { version: named.version, revision: named.revision, draft };
}

const wire = (gist: DecisionGist) => ({ ...gist, clauses: [...gist.clauses] });

/**
 * The change's kind: cases with the same moves in outcome, amount and clauses, for the same
 * cause (facts changed since the decision, or the revision), group together.
 */
function kindOf({ before, after, cause }: Changed): Omit<Group, 'total' | 'cases'> {
  return {
    cause,
    from: before.outcome,
    to: after.outcome,
    amountChanged: before.refundAmount !== after.refundAmount,
    clausesAdded: after.clauses.filter((clause) => !before.clauses.includes(clause)),
    clausesRemoved: before.clauses.filter((clause) => !after.clauses.includes(clause)),
  };
}

/** What a paged replay keeps from its first page: the cases' id range and the settled-since instant. */
interface Cursor {
  afterId: number;
  throughId: number;
  settledSince: number;
}

const encodeCursor = ({ afterId, throughId, settledSince }: Cursor) =>
  `${afterId}:${throughId}:${settledSince}`;

function decodeCursor(token: string): Cursor {
  const [afterId, throughId, settledSince] = token.split(':').map(Number) as [number, number, number];
  return { afterId, throughId, settledSince };
}

function firstCursor(store: CaseStore, since: string | undefined): Cursor {
  const settledSince = since === undefined ? store.now() - RECENT_MS : Date.parse(since);
  return { afterId: 0, throughId: lastCaseId(store), settledSince };
}

/**
 * Judges one page of the open and recently settled cases again (at most `pageSize`, in case
 * order) and groups those that would change, the largest group first. Each call holds the
 * main process for a page only; the screen asks for the next page until `next` is null, and
 * can stop between pages. Reads only: the lead decides each case again on its own screen.
 */
export const policyHandlers = (store: CaseStore): Implementations<'policy.replay'> => ({
  'policy.replay': ({ revision, draft, since, limit, page, pageSize }) => {
    const policy = choosePolicy(revision, draft);
    const cursor = page === undefined ? firstCursor(store, since) : decodeCursor(page);
    const groups = new Map<string, Group>();
    const invalid: Answer['invalid'] = [];
    let judged = 0;
    let changed = 0;
    let listed = 0;
    let truncated = false;
    let lastId = cursor.afterId;
    const rows = streamCasesForReplay(store, cursor);
    for (const { row, result } of replayRows(rows, policy)) {
      judged++;
      lastId = row.id;
      if (result.change !== 'none') {
        const listable = listed < limit;
        if (listable) listed++;
        else truncated = true;
        if (result.change === 'invalid') {
          if (listable) invalid.push({ ref: row.ref, field: result.field, problem: result.problem });
        } else {
          changed++;
          const kind = kindOf(result);
          const key = groupKey(kind);
          const group = groups.get(key) ?? { ...kind, total: 0, cases: [] };
          groups.set(key, group);
          group.total++;
          if (listable) {
            const { before, after } = result;
            group.cases.push({ ref: row.ref, status: row.status, before: wire(before), after: wire(after) });
          }
        }
      }
      // Leaving the loop closes the statement: the connection is free between pages.
      if (judged === pageSize) break;
    }
    const done = judged < pageSize || lastId >= cursor.throughId;
    return {
      policy: describePolicy(policy, draft !== undefined),
      judged,
      changed,
      groups: [...groups.values()].sort(inGroupOrder),
      invalid,
      truncated,
      next: done ? null : encodeCursor({ ...cursor, afterId: lastId }),
      progress: done || cursor.throughId === 0 ? 1 : lastId / cursor.throughId,
    };
  },
});
