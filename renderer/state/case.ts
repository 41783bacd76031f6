import { create } from 'zustand';
import type { AuditEntry, CaseDetail } from '../../shared/model/case';
import { api, call } from '../api/client';

interface CaseState {
  ref: string | null;
  detail: CaseDetail | null;
  audit: AuditEntry[];
  error: string | null;
  load(ref: string): Promise<void>;
  /** After any change made elsewhere (facts, decision, note), so every screen shows the store's truth. */
  replace(detail: CaseDetail): void;
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
  replace: (detail) => {
    set({ detail });
    void call(api['audit.list']({ ref: detail.summary.ref }))
      .then(({ items }) => {
        if (get().ref === detail.summary.ref) set({ audit: items });
      })
      // The audit list only informs; a failed refresh leaves the previous one until the next load.
      .catch(() => undefined);
  },
}));
