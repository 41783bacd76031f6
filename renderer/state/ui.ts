import { create } from 'zustand';

interface UiState {
  paletteOpen: boolean;
  /** One status line, read out by screen readers (role="status"). */
  message: { text: string; kind: 'info' | 'error' } | null;
  /** A shared clock for every countdown, so 100 rows do not run 100 timers. */
  now: number;
  setPalette(open: boolean): void;
  notify(text: string, kind?: 'info' | 'error'): void;
}

export const useUi = create<UiState>((set) => ({
  paletteOpen: false,
  message: null,
  now: Date.now(),
  setPalette: (paletteOpen) => set({ paletteOpen }),
  notify: (text, kind = 'info') => set({ message: { text, kind } }),
}));

setInterval(() => useUi.setState({ now: Date.now() }), 30_000);

/** Asks the queue screen to focus its search box (from "/" or the palette). */
export const SEARCH_INPUT_ID = 'queue-search';
