import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyTeamEvents,
  createCase,
  getCase,
  joinTeam,
  listAudit,
  recordDecision,
  verifyAuditWithBackups,
  type CaseStore,
  type PulledEvent,
} from '..';
import { MIN_RUN } from './team-apply-creations';
import { sampleCase, tempStore } from '../test-support/temp-store';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function joinedStore(agent: string): CaseStore {
  const desk = tempStore();
  cleanups.push(desk.cleanup);
  joinTeam(desk.store, agent);
  return desk.store;
}

let seq = 0;
const creation = (n: number, overrides: Partial<PulledEvent> = {}): PulledEvent => ({
  seq: ++seq,
  id: randomUUID(),
  desktopId: 'desk-mei',
  caseKey: randomUUID(),
  kind: 'case.create',
  actor: 'mei',
  pushedBy: 'mei',
  body: { case: sampleCase({ orderId: `ORD-RUN-${seq}-${n}` }), status: 'open' },
  ...overrides,
});

const caseCount = (store: CaseStore) => store.sql('SELECT count(*) FROM cases').pluck().get() as number;
const auditActions = (store: CaseStore) =>
  store.sql('SELECT action FROM audit ORDER BY seq').pluck().all() as string[];

describe('a run of new cases pulled from the team', () => {
  it('is written with one audit row naming its id range, which every case of it lists', () => {
    const store = joinedStore('ravi');
    const before = auditActions(store).length;
    const run = Array.from({ length: 30 }, (_, n) => creation(n));
    const results = applyTeamEvents(store, run);

    expect(results.map((r) => r.kind)).toEqual(run.map(() => 'applied'));
    expect(caseCount(store)).toBe(30);
    expect(auditActions(store).slice(before)).toEqual(['cases.import']);
    const ref = (results[17] as { ref: string }).ref;
    const trail = listAudit(store, ref);
    expect(trail.map((entry) => entry.action)).toEqual(['cases.import']);
    expect(trail[0]!.detail.team).toMatchObject({
      desktopId: 'desk-mei',
      firstSeq: run[0]!.seq,
      lastSeq: run[29]!.seq,
    });
    expect(getCase(store, ref).summary.orderId).toBe((run[17]!.body.case as { orderId: string }).orderId);
    expect(verifyAuditWithBackups(store).ok).toBe(true);
  });

  it('applies nothing twice when the run is delivered again, whole or in part', () => {
    const store = joinedStore('ravi');
    const run = Array.from({ length: 20 }, (_, n) => creation(n));
    applyTeamEvents(store, run);
    const again = applyTeamEvents(store, [...run.slice(5), creation(99)]);
    expect(again.slice(0, 15).every((r) => r.kind === 'duplicate')).toBe(true);
    expect(again[15]!.kind).toBe('applied');
    expect(caseCount(store)).toBe(21);
    // A case key already received under another event id is the same case, not a new one.
    const sameCase = { ...creation(1), caseKey: run[0]!.caseKey };
    expect(
      applyTeamEvents(store, [sameCase, ...Array.from({ length: MIN_RUN }, (_, n) => creation(n))])[0]!.kind,
    ).toBe('duplicate');
    expect(caseCount(store)).toBe(21 + MIN_RUN);
    expect(verifyAuditWithBackups(store).ok).toBe(true);
  });

  it('sets an unreadable case aside alone, with its reason, and applies the rest of the run', () => {
    const store = joinedStore('ravi');
    const run = Array.from({ length: 12 }, (_, n) => creation(n));
    run[6] = { ...run[6]!, body: { case: { ...sampleCase(), orderId: '' }, status: 'open' } };
    const results = applyTeamEvents(store, run);
    expect(results[6]).toMatchObject({ kind: 'rejected' });
    expect(results.filter((r) => r.kind === 'applied')).toHaveLength(11);
    const rejected = store.sql('SELECT event_id, reason FROM team_rejected').all() as {
      event_id: string;
      reason: string;
    }[];
    expect(rejected).toEqual([{ event_id: run[6]!.id, reason: expect.stringContaining('orderId') }]);
    expect(applyTeamEvents(store, [run[6]!])[0]!.kind).toBe('duplicate');
  });

  it("recognises this desktop's own creations in a run and leaves them alone", () => {
    const store = joinedStore('mei');
    createCase(store, sampleCase({ orderId: 'ORD-OWN' }), 'mei');
    const own = store.sql('SELECT event_id, case_key FROM team_outbox').get() as {
      event_id: string;
      case_key: string;
    };
    const run = Array.from({ length: 10 }, (_, n) => creation(n));
    run[3] = { ...run[3]!, id: own.event_id, caseKey: own.case_key };
    const results = applyTeamEvents(store, run);
    expect(results[3]!.kind).toBe('own');
    expect(caseCount(store)).toBe(10);
  });

  it('leaves the cases of a run as decidable as any other', () => {
    const store = joinedStore('ravi');
    const results = applyTeamEvents(
      store,
      Array.from({ length: 10 }, (_, n) => creation(n)),
    );
    const ref = (results[2] as { ref: string }).ref;
    const detail = getCase(store, ref);
    recordDecision(store, { ref, agent: 'ravi', revision: detail.summary.revision });
    expect(getCase(store, ref).summary.status).not.toBe('open');
    expect(verifyAuditWithBackups(store).ok).toBe(true);
  });
});
