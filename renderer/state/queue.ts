import { create } from 'zustand';
import type { CaseSummary } from '../../shared/model/case';
import type { QueueQuery, SavedView } from '../../shared/model/queue';
import { api, call } from '../api/client';
import { zoneOf } from '../lib/time';
import { queryFor, withFilters, type QueueFilters, type View } from './queue-query';
import { useSettings } from './settings';
import { useUi } from './ui';

export { VIEWS, type View } from './queue-query';

const PAGE = 200;
/** Short, so results land within 100 ms of the last keystroke; stale answers are dropped. */
export const SEARCH_DEBOUNCE_MS = 40;

interface QueueState {
  view: View;
  /** The filters over the view, set by hand or by choosing a saved view. */
  filters: QueueFilters;
  savedViews: SavedView[];
  items: CaseSummary[];
  total: number;
  next: string | null;
  loading: boolean;
  /** The search text; when not empty the list shows search results instead of the view. */
  query: string;
  selected: number;
  /** The refs chosen for a bulk change. */
  chosen: ReadonlySet<string>;
  setView(view: View): Promise<void>;
  setFilters(filters: QueueFilters): Promise<void>;
  loadSavedViews(): Promise<void>;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  setQuery(query: string): void;
  select(index: number): void;
  toggleChosen(ref: string): void;
  chooseAll(chosen: boolean): void;
}

/** The query the list shows now: the view at this moment, with the filters over it. */
export function currentQuery(): QueueQuery {
  const { view, filters } = useQueue.getState();
  const { agentName, timeZone } = useSettings.getState();
  return withFilters(queryFor(view, Date.now(), agentName, zoneOf(timeZone)), filters);
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
    filters: {},
    savedViews: [],
    items: [],
    total: 0,
    next: null,
    loading: false,
    query: '',
    selected: 0,
    chosen: new Set(),
    setView: async (view) => {
      set({ view, query: '', chosen: new Set() });
      await get().reload();
    },
    setFilters: async (filters) => {
      set({ filters, query: '', chosen: new Set() });
      await get().reload();
    },
    loadSavedViews: async () => {
      try {
        set({ savedViews: (await call(api['views.list']({}))).items });
      } catch (error) {
        fail(error);
      }
    },
    reload: async () => {
      const ticket = ++generation;
      const { query } = get();
      set({ loading: true });
      if (query.trim() !== '') return runSearch(query.trim(), ticket);
      try {
        const page = await call(api['cases.list']({ ...currentQuery(), limit: PAGE }));
        if (ticket === generation) set({ ...page, loading: false, selected: 0 });
      } catch (error) {
        if (ticket === generation) fail(error);
      }
    },
    loadMore: async () => {
      const { next, loading, items } = get();
      if (next === null || loading) return;
      const ticket = generation;
      set({ loading: true });
      try {
        const page = await call(api['cases.list']({ ...currentQuery(), after: next, limit: PAGE }));
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
    toggleChosen: (ref) => {
      const chosen = new Set(get().chosen);
      if (!chosen.delete(ref)) chosen.add(ref);
      set({ chosen });
    },
    chooseAll: (all) => set({ chosen: all ? new Set(get().items.map((item) => item.ref)) : new Set() }),
  };
});
