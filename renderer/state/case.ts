import { create } from 'zustand';
import type { AuditEntry, CaseChange, CaseDetail } from '../../shared/model/case';
import { api, call } from '../api/client';

interface CaseState {
  ref: string | null;
  detail: CaseDetail | null;
  audit: AuditEntry[];
  error: string | null;
  load(ref: string): Promise<void>;
  /** The answer to a change made here, so every screen shows the store's truth. */
  apply(change: CaseChange): void;
}

export const useCase = create<CaseState>((set, get) => ({
  ref: null,
  detail: null,
  audit: [],
  error: null,
  load: async (ref) => {
    if (get().ref !== ref) set({ ref, detail: null, audit: [], error: null });
    try {
      const [detail, audit] = await Promise.all([
        call(api['cases.get']({ ref })),
        call(api['audit.list']({ ref })),
      ]);
      if (get().ref === ref) set({ detail, audit: audit.items, error: null });
    } catch (error) {
      if (get().ref === ref) set({ error: (error as Error).message });
    }
  },
  apply: ({ detail, audit }) => {
    const ref = detail.summary.ref;
    const shown = get();
    const seen = shown.ref === ref ? shown.detail?.summary.revision : undefined;
    // The change's own rows follow on from what is shown unless someone else wrote in between
    // (a note needs no revision); then the whole trail is read again.
    const follows = seen !== undefined && seen + audit.length === detail.summary.revision;
    set({ ref, detail, audit: follows ? [...shown.audit, ...audit] : audit, error: null });
    if (follows || shown.ref !== ref) return;
    void call(api['audit.list']({ ref }))
      .then(({ items }) => {
        if (get().ref === ref) set({ audit: items });
      })
      // The audit list only informs; a failed refresh leaves the previous one until the next load.
      .catch(() => undefined);
  },
}));
