import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleCase, tempStore } from '../test-support/temp-store';
import {
  acknowledgeLostClaims,
  createCase,
  joinTeam,
  lostClaims,
  markPushed,
  recordClaim,
  settleClaims,
  unansweredClaims,
  waitingEvents,
} from '..';

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
  joinTeam(env.store, 'mei');
});
afterEach(() => env.cleanup());

const kept = () =>
  env.store.db.prepare("SELECT key FROM team_sync WHERE key LIKE 'claim.%' ORDER BY key").pluck().all();
const newCase = () => createCase(env.store, sampleCase(), 'mei').detail.summary.ref;
const pushAll = () =>
  markPushed(
    env.store,
    waitingEvents(env.store, 1000).map((event) => event.id),
  );

describe('claims remembered in team mode', () => {
  it('keeps a claim only while its answer is awaited or its loss is unacknowledged', () => {
    recordClaim(env.store, { ref: newCase(), agent: 'mei', eventId: 'granted-at-once', state: 'granted' });
    expect(kept()).toEqual([]);

    recordClaim(env.store, { ref: newCase(), agent: 'mei', eventId: 'won-later', state: 'provisional' });
    recordClaim(env.store, { ref: newCase(), agent: 'mei', eventId: 'lost-later', state: 'provisional' });
    pushAll();
    expect(unansweredClaims(env.store).sort()).toEqual(['lost-later', 'won-later']);

    settleClaims(env.store, [
      { eventId: 'won-later', granted: true, holder: 'mei' },
      { eventId: 'lost-later', granted: false, holder: 'ravi' },
    ]);
    expect(kept()).toEqual(['claim.lost-later']);
    expect(lostClaims(env.store).map((claim) => claim.holder)).toEqual(['ravi']);

    acknowledgeLostClaims(env.store);
    expect(kept()).toEqual([]);
    expect(lostClaims(env.store)).toEqual([]);
    expect(unansweredClaims(env.store)).toEqual([]);
  });
});
