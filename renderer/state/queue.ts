import { create } from 'zustand';
import type { QueueQuery } from '../../shared/model/queue';
import type { CaseSummary } from '../../shared/model/case';
import { api, call } from '../api/client';
import { HOUR_MS, startOfDay, zoneOf } from '../lib/time';
import { useSettings } from './settings';
import { useUi } from './ui';

export const VIEWS = ['open', 'mine', 'closing', 'needsInfo', 'decidedToday', 'all'] as const;
export type View = (typeof VIEWS)[number];

const OPEN: QueueQuery['status'] = ['open', 'pending_customer'];
const PAGE = 200;
/** Short, so results land within 100 ms of the last keystroke; stale answers are dropped. */
export const SEARCH_DEBOUNCE_MS = 40;

/** The query behind each view; also what an export of the view selects. */
export function queryFor(view: View, now: number): QueueQuery {
  switch (view) {
    case 'open':
      return { status: OPEN };
    case 'all':
      return {};
    case 'mine':
      return { status: OPEN, assignee: useSettings.getState().agentName };
    case 'closing':
      return { status: OPEN, closesBefore: new Date(now + 24 * HOUR_MS).toISOString() };
    case 'needsInfo':
      return { status: OPEN, latestOutcome: ['needs_info'] };
    case 'decidedToday':
      // "Today" on the clock the console shows, not the machine's.
      return { decidedSince: startOfDay(now, zoneOf(useSettings.getState().timeZone)), sort: 'updated' };
  }
}

interface QueueState {
  view: View;
  items: CaseSummary[];
  total: number;
  next: string | null;
  loading: boolean;
  /** The search text; when not empty the list shows search results instead of the view. */
  query: string;
  selected: number;
  setView(view: View): Promise<void>;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  setQuery(query: string): void;
  select(index: number): void;
}

let generation = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

export const useQueue = create<QueueState>((set, get) => {
  const fail = (error: unknown) => {
    set({ loading: false });
    useUi.getState().notify((error as Error).message, 'error');
  };

  async function runSearch(query: string, ticket: number) {
    try {
      const { items } = await call(api['cases.search']({ query, limit: 50 }));
      if (ticket === generation) set({ items, total: items.length, next: null, loading: false, selected: 0 });
    } catch (error) {
      if (ticket === generation) fail(error);
    }
  }

  return {
    view: 'open',
    items: [],
    total: 0,
    next: null,
    loading: false,
    query: '',
    selected: 0,
    setView: async (view) => {
      set({ view, query: '' });
      await get().reload();
    },
    reload: async () => {
      const ticket = ++generation;
      const { query, view } = get();
      set({ loading: true });
      if (query.trim() !== '') return runSearch(query.trim(), ticket);
      try {
        const page = await call(api['cases.list']({ ...queryFor(view, Date.now()), limit: PAGE }));
        if (ticket === generation) set({ ...page, loading: false, selected: 0 });
      } catch (error) {
        if (ticket === generation) fail(error);
      }
    },
    loadMore: async () => {
      const { next, loading, view, items } = get();
      if (next === null || loading) return;
      const ticket = generation;
      set({ loading: true });
      try {
        const page = await call(
          api['cases.list']({ ...queryFor(view, Date.now()), after: next, limit: PAGE }),
        );
        if (ticket === generation) set({ items: [...items, ...page.items], next: page.next, loading: false });
      } catch (error) {
        if (ticket === generation) fail(error);
      }
    },
    setQuery: (query) => {
      set({ query });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void get().reload(), SEARCH_DEBOUNCE_MS);
    },
    select: (index) => set({ selected: Math.max(0, Math.min(index, get().items.length - 1)) }),
  };
});
