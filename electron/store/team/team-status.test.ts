import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleCase, tempStore } from '../test-support/temp-store';
import {
  caseSyncStates,
  createCase,
  getTeamServerSetting,
  joinTeam,
  listImportMappings,
  markPushed,
  saveImportMapping,
  setTeamServerSetting,
  waitingEvents,
} from '..';

let env: ReturnType<typeof tempStore>;
beforeEach(() => (env = tempStore()));
afterEach(() => env.cleanup());

describe('team status read from the store', () => {
  it('keeps the team server beside the other settings without disturbing how they are read', () => {
    const mapping = { name: 'shop', columns: { Order: 'orderId' }, amountUnit: null };
    saveImportMapping(env.store, mapping, 'mei');
    expect(getTeamServerSetting(env.store)).toBeNull();
    setTeamServerSetting(env.store, { url: 'postgres://127.0.0.1:5432/team', login: 'mei' }, 'mei');
    expect(getTeamServerSetting(env.store)).toEqual({ url: 'postgres://127.0.0.1:5432/team', login: 'mei' });
    expect(listImportMappings(env.store)).toEqual([mapping]);
  });

  it('marks cases waiting until pushed, and says nothing outside a team', () => {
    const ref = createCase(env.store, sampleCase(), 'mei').detail.summary.ref;
    expect(caseSyncStates(env.store, [ref])).toEqual([]);
    joinTeam(env.store, 'mei');
    expect(caseSyncStates(env.store, [ref, 'RC-999999'])).toEqual([
      { ref, state: 'waiting', provisionalClaim: false },
    ]);
    markPushed(
      env.store,
      waitingEvents(env.store, 100).map((event) => event.id),
    );
    expect(caseSyncStates(env.store, [ref])[0]!.state).toBe('synced');
  });
});
