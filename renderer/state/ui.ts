import { create } from 'zustand';

interface UiState {
  paletteOpen: boolean;
  /** The list of keys, opened by "?". */
  shortcutsOpen: boolean;
  /** One status line, read out by screen readers (role="status"). */
  message: { text: string; kind: 'info' | 'error' } | null;
  /** A shared clock for every countdown, so 100 rows do not run 100 timers. */
  now: number;
  /** Set by "/" or the palette; the queue focuses its search box once mounted, then clears it. */
  searchRequested: boolean;
  setPalette(open: boolean): void;
  notify(text: string, kind?: 'info' | 'error'): void;
}

const MESSAGE_MS = 8000;
let messageTimer: ReturnType<typeof setTimeout> | undefined;

export const useUi = create<UiState>((set) => ({
  paletteOpen: false,
  shortcutsOpen: false,
  message: null,
  now: Date.now(),
  searchRequested: false,
  setPalette: (paletteOpen) => set({ paletteOpen }),
  // A message outlives the screen change that often follows it, but not by long: stale
  // errors on a later screen would mislead.
  notify: (text, kind = 'info') => {
    clearTimeout(messageTimer);
    set({ message: { text, kind } });
    messageTimer = setTimeout(() => set({ message: null }), MESSAGE_MS);
  },
}));

setInterval(() => useUi.setState({ now: Date.now() }), 30_000);
