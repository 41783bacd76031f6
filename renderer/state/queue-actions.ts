import type { ApiResult } from '../../shared/ipc/contract';
import type { CaseSummary } from '../../shared/model/case';
import type { ViewQuery } from '../../shared/model/queue';
import { api, call } from '../api/client';
import { currentQuery, useQueue } from './queue';

/** What a bulk change did: how many cases it changed, and why each other one was refused. */
export interface BulkOutcome {
  done: number;
  failed: { ref: string; message: string }[];
}

/**
 * Changes each chosen case on the revision the queue showed, one after the other: a case
 * someone changed meanwhile is refused and named, the others still change.
 */
async function eachChosen(write: (item: CaseSummary) => Promise<ApiResult<unknown>>): Promise<BulkOutcome> {
  const { items, chosen } = useQueue.getState();
  const outcome: BulkOutcome = { done: 0, failed: [] };
  for (const item of items.filter((row) => chosen.has(row.ref))) {
    const result = await write(item);
    if (result.ok) outcome.done++;
    else outcome.failed.push({ ref: item.ref, message: result.error.message });
  }
  useQueue.setState({ chosen: new Set() });
  await Promise.all([useQueue.getState().reload(), useQueue.getState().loadSavedViews()]);
  return outcome;
}

export const queueActions = {
  /** Assigns the open unassigned case closing first to `agent`; its ref, or null when none is left. */
  /** The case claimed, for the agent to be told which and why (its window ends first), or null. */
  claimNext: async (agent: string): Promise<CaseSummary | null> => {
    const claimed = await call(api['cases.claimNext']({ agent }));
    await useQueue.getState().reload();
    return claimed?.detail.summary ?? null;
  },
  assignChosen: (assignee: string, agent: string) =>
    eachChosen(({ ref, revision }) => api['cases.assign']({ ref, revision, assignee, agent })),
  closeChosen: (agent: string) =>
    eachChosen(({ ref, revision }) => api['cases.setStatus']({ ref, revision, status: 'closed', agent })),
  /** Saves the filters now over the list as a named view (the built-in view's status and sort too). */
  saveView: async (name: string, agent: string) => {
    const { status, productType, latestOutcome, assignee, provider, decidedBy, overridden, sort } =
      currentQuery();
    const query: ViewQuery = {
      status,
      productType,
      latestOutcome,
      assignee,
      provider,
      decidedBy,
      overridden,
      sort: sort ?? 'deadline',
    };
    const { items } = await call(api['views.save']({ name, query, agent }));
    useQueue.setState({ savedViews: items });
  },
  deleteView: async (name: string, agent: string) => {
    const { items } = await call(api['views.delete']({ name, agent }));
    useQueue.setState({ savedViews: items });
  },
};
