import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../core/audit';
import { importCases } from './cases-bulk';
import { ImportStage } from './import-stage';
import { createCase } from './cases';
import { searchCases } from './search';
import { generateCase, seededRandom } from '../test-support/generate';
import { sampleCase, START, tempStore } from '../test-support/temp-store';

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
  createCase(env.store, sampleCase(), 'ann');
});
afterEach(() => env.cleanup());

const count = () => env.store.db.prepare('SELECT count(*) FROM cases').pluck().get();
const rows = (n: number) => {
  const random = seededRandom(7);
  return Array.from({ length: n }, (_, i) => generateCase(random, i, START));
};

describe('importCases', () => {
  it('imports every row in one transaction with one audit row naming the range', () => {
    expect(importCases(env.store, rows(500), 'importer')).toEqual({
      ok: true,
      count: 500,
      duplicates: 0,
      firstRef: 'RC-000002',
      lastRef: 'RC-000501',
    });
    expect(count()).toBe(501);
    expect(listAudit(env.store, 'RC-000300').map((entry) => entry.action)).toEqual(['cases.import']);
    expect(listAudit(env.store, 'RC-000001').map((entry) => entry.action)).toEqual(['case.create']);
    expect(searchCases(env.store, 'O-2026-00000499', 5).map((item) => item.ref)).toEqual(['RC-000501']);
    expect(verifyAudit(env.store)).toMatchObject({ ok: true, rows: 2 });
  });

  it('reports every bad row and writes nothing', () => {
    const input: unknown[] = rows(50);
    input[3] = { ...sampleCase(), orderId: '' };
    input[17] = sampleCase({
      facts: { productType: 'saas', paidAt: '2026-03-01T00:00:00Z', requestedAt: '2026-02-01T00:00:00Z' },
    });
    input[20] = 'not a case';
    const result = importCases(env.store, input, 'importer');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.row)).toEqual([3, 17, 20]);
    expect(!result.ok && result.errors[0]!.message).toBe('orderId: must not be empty');
    expect(!result.ok && result.errors[1]!.message).toMatch(/^facts\.requestedAt: /);
    expect(count()).toBe(1);
    expect(verifyAudit(env.store).rows).toBe(1);
  });

  it('adds an order id already in the store, or twice in one import, only once', () => {
    const input = rows(20);
    expect(importCases(env.store, [...input, input[4]], 'importer')).toMatchObject({
      count: 20,
      duplicates: 1,
    });
    expect(importCases(env.store, input, 'importer')).toEqual({
      ok: true,
      count: 0,
      duplicates: 20,
      firstRef: null,
      lastRef: null,
    });
    expect(count()).toBe(21);
    expect(verifyAudit(env.store).rows).toBe(2);
  });

  it('leaves the store as it was when a stage is discarded', () => {
    const stage = new ImportStage(env.store);
    expect(stage.add(rows(30).map((input) => ({ input, deadline: null })))).toEqual(Array(30).fill(false));
    stage.discard();
    expect(count()).toBe(1);
    expect(
      env.store.db
        .prepare("SELECT count(*) FROM temp.sqlite_master WHERE name LIKE 'import_stage%'")
        .pluck()
        .get(),
    ).toBe(0);
  });
});
