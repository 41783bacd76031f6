import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../cases/cases';
import { recordDecision } from '../cases/decisions';
import { streamCasesForReplay } from './replay';
import { sampleCase, tempStore } from '../test-support/temp-store';

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
});
afterEach(() => env.cleanup());

const open = (facts: object) =>
  createCase(env.store, sampleCase({ facts: facts as never }), 'ann').detail.summary.ref;
const PAID = '2026-03-01T10:00:00+08:00';

describe('streaming cases for a replay', () => {
  it('gives each case’s stored facts and the gist of its latest decision, oldest case first', () => {
    const decided = open({ productType: 'saas', paidAt: PAID, orderAmount: 100 });
    recordDecision(env.store, { ref: decided, agent: 'ann' });
    env.clock.advance(1000);
    recordDecision(env.store, { ref: decided, agent: 'ann' });
    const undecided = open({ productType: 'api' });
    const rows = [...streamCasesForReplay(env.store)];
    expect(rows.map((row) => [row.ref, row.decision?.outcome ?? null])).toEqual([
      [decided, 'eligible'],
      [undecided, null],
    ]);
    expect(rows.map((row) => row.status)).toEqual(['decided', 'open']);
    expect(rows[0]!.decision).toEqual({
      outcome: 'eligible',
      refundAmount: 100,
      currency: 'CNY',
      clauses: ['saas.guarantee-window'],
      requestedAt: new Date(env.clock.now()).toISOString(),
      policyVersion: 'v1',
      policyRevision: 'v1.1',
    });
    expect(JSON.parse(rows[1]!.facts)).toEqual({ productType: 'api' });
  });

  it('filters by kind and by the last change', () => {
    open({ productType: 'api' });
    env.clock.advance(60_000);
    const later = open({ productType: 'saas' });
    const refs = (filter: object) => [...streamCasesForReplay(env.store, filter)].map((row) => row.ref);
    expect(refs({ kind: 'saas' })).toEqual([later]);
    expect(refs({ since: env.clock.now() })).toEqual([later]);
    expect(refs({ until: env.clock.now() })).toHaveLength(1);
  });

  it('keeps open cases whatever their age and settled ones only if changed since settledSince', () => {
    const old = open({ productType: 'api' });
    recordDecision(env.store, { ref: old, agent: 'ann' });
    const stillOpen = open({ productType: 'api' });
    env.clock.advance(60_000);
    const recent = open({ productType: 'saas' });
    recordDecision(env.store, { ref: recent, agent: 'ann' });
    const refs = [...streamCasesForReplay(env.store, { settledSince: env.clock.now() })].map(
      (row) => row.ref,
    );
    expect(refs).toEqual([stillOpen, recent]);
  });
});
