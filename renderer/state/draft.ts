import { create } from 'zustand';
import type { Language } from '../../shared/model/languages';
import { api, call } from '../api/client';
import { useUi } from './ui';

type Status = 'idle' | 'unsaved' | 'saving' | 'saved';

interface DraftState {
  ref: string | null;
  language: Language;
  body: string;
  savedAt: string | null;
  status: Status;
  open(ref: string, language: Language, generate: () => string): Promise<void>;
  edit(body: string): void;
  flush(): Promise<void>;
}

export const AUTOSAVE_MS = 600;

/**
 * Every keystroke is copied to localStorage at once, and to the store after a short pause,
 * on blur and before leaving the screen. If the app dies before the store answers, the local
 * copy is newer than the stored one and wins on the next open, so no typed word is lost.
 */
const localKey = (ref: string, language: Language) => `refund-console.draft.${ref}.${language}`;

interface LocalCopy {
  body: string;
  at: string;
}

function readLocal(ref: string, language: Language): LocalCopy | null {
  const text = localStorage.getItem(localKey(ref, language));
  return text === null ? null : (JSON.parse(text) as LocalCopy);
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useDraft = create<DraftState>((set, get) => ({
  ref: null,
  language: 'en',
  body: '',
  savedAt: null,
  status: 'idle',
  open: async (ref, language, generate) => {
    await get().flush();
    set({ ref, language, body: '', savedAt: null, status: 'idle' });
    const stored = await call(api['drafts.get']({ ref, language }));
    if (get().ref !== ref || get().language !== language) return;
    const local = readLocal(ref, language);
    if (local !== null && (stored.savedAt === null || Date.parse(local.at) > Date.parse(stored.savedAt))) {
      set({ body: local.body, savedAt: stored.savedAt, status: 'unsaved' });
      void get().flush();
    } else {
      set({
        body: stored.body ?? generate(),
        savedAt: stored.savedAt,
        status: stored.body ? 'saved' : 'idle',
      });
    }
  },
  edit: (body) => {
    const { ref, language } = get();
    if (ref === null) return;
    localStorage.setItem(localKey(ref, language), JSON.stringify({ body, at: new Date().toISOString() }));
    set({ body, status: 'unsaved' });
    clearTimeout(timer);
    timer = setTimeout(() => void get().flush(), AUTOSAVE_MS);
  },
  flush: async () => {
    clearTimeout(timer);
    const { ref, language, body, status } = get();
    if (ref === null || status !== 'unsaved') return;
    set({ status: 'saving' });
    try {
      const { savedAt } = await call(api['drafts.save']({ ref, language, body }));
      const current = get();
      if (current.ref !== ref || current.language !== language) return;
      // Typing may have gone on while saving; only a copy that matches is done with.
      if (current.body === body) {
        localStorage.removeItem(localKey(ref, language));
        set({ savedAt, status: 'saved' });
      } else set({ savedAt, status: 'unsaved' });
    } catch (error) {
      set({ status: 'unsaved' });
      useUi.getState().notify((error as Error).message, 'error');
    }
  },
}));

window.addEventListener('pagehide', () => void useDraft.getState().flush());
