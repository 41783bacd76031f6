import { useEffect } from 'react';
import { create } from 'zustand';
import type { TeamStatus } from '../../shared/ipc/contract-team';
import type { ResponseOf } from '../../shared/ipc/contract';
import { api, call } from '../api/client';
import { useCase } from './case';
import { useQueue } from './queue';

type CaseState = ResponseOf<'team.caseStates'>['items'][number];
export type ClaimAnswer = NonNullable<ResponseOf<'team.claimNext'>['claim']>;

interface TeamState {
  status: TeamStatus | null;
  /** Per case ref: synced, waiting or conflict, and a claim still waiting for the server. */
  cases: Record<string, CaseState>;
  syncing: boolean;
  refresh(): Promise<void>;
  syncNow(): Promise<void>;
  loadCases(refs: readonly string[]): Promise<void>;
}

/** How often the console reads the status; reading it touches only the local store. */
export const STATUS_POLL_MS = 5000;

export const useTeam = create<TeamState>((set, get) => ({
  status: null,
  cases: {},
  syncing: false,
  refresh: async () => {
    const before = get().status;
    const status = await call(api['team.status']({}));
    set({ status });
    // What a round brought in shows where it is looked at: the open case and the queue.
    if (before !== null && before.lastSyncAt !== status.lastSyncAt) afterRound();
  },
  syncNow: async () => {
    set({ syncing: true });
    try {
      set({ status: await call(api['team.syncNow']({})) });
      afterRound();
      // Asked for by the agent: the queue shows what came in too.
      void useQueue.getState().reload();
    } finally {
      set({ syncing: false });
    }
  },
  loadCases: async (refs) => {
    if (refs.length === 0 || !get().status?.configured) return;
    const { items } = await call(api['team.caseStates']({ refs: [...refs].slice(0, 500) }));
    set({ cases: { ...get().cases, ...Object.fromEntries(items.map((item) => [item.ref, item])) } });
  },
}));

/** What a round brought in shows on the open case at once; the queue on its next load. */
function afterRound(): void {
  const { ref } = useCase.getState();
  if (ref !== null) void useCase.getState().load(ref);
}

/** Reads the status now and every few seconds while the console runs. */
export function useTeamStatusPolling(): void {
  useEffect(() => {
    const refresh = () =>
      void useTeam
        .getState()
        .refresh()
        .catch(() => undefined);
    refresh();
    const timer = setInterval(refresh, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, []);
}

/**
 * Loads these cases' sync states, again whenever something was synced or changed here
 * (`changed`: anything that moves when the cases change, such as a revision).
 */
export function useCaseSyncStates(refs: readonly string[], changed?: unknown): void {
  const version = useTeam((s) => `${s.status?.configured}|${s.status?.lastSyncAt}|${s.status?.waiting}`);
  const key = refs.join(',');
  useEffect(() => {
    void useTeam
      .getState()
      .loadCases(key === '' ? [] : key.split(','))
      .catch(() => undefined);
  }, [key, version, changed]);
}

/** Whether claims go to the team server (a server is set); otherwise the store alone assigns. */
export const teamClaims = () => useTeam.getState().status?.configured === true;

export const teamActions = {
  claim: async (ref: string, revision: number, agent: string): Promise<ClaimAnswer> => {
    const { change, claim } = await call(api['team.claim']({ ref, revision, agent }));
    if (change !== null) useCase.getState().apply(change);
    void useTeam.getState().refresh();
    return claim;
  },
  claimNext: async (agent: string): Promise<{ ref: string; claim: ClaimAnswer } | null> => {
    const { change, claim } = await call(api['team.claimNext']({ agent }));
    void useQueue.getState().reload();
    void useTeam.getState().refresh();
    return change === null || claim === null ? null : { ref: change.detail.summary.ref, claim };
  },
  resolveConflict: async (ref: string, conflict: number, keep: 'local' | 'remote', agent: string) => {
    useCase.getState().apply(await call(api['team.resolveConflict']({ ref, conflict, keep, agent })));
    void useTeam.getState().refresh();
  },
  acknowledgeLostClaims: async () => {
    useTeam.setState({ status: await call(api['team.acknowledgeLostClaims']({})) });
  },
  configure: async (request: { url: string | null; login?: string; password?: string; agent: string }) => {
    useTeam.setState({ status: await call(api['team.configure'](request)) });
  },
};
