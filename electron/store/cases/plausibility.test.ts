import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../../shared/model/plausibility';
import { QueueQuerySchema } from '../../../shared/model/queue';
import { listAudit } from '../core/audit';
import { createCase, updateFacts } from './cases';
import { InvalidInputError } from '../core/errors';
import { listCases } from './queue';
import { sampleCase, tempStore } from '../test-support/temp-store';

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
});
afterEach(() => env.cleanup());

const withFacts = (facts: object) => sampleCase({ facts: { ...sampleCase().facts, ...facts } as never });

describe('the store refuses implausible facts itself', () => {
  it('opens no case for an order of 90 trillion or a payment in year 1', () => {
    expect(() => createCase(env.store, withFacts({ orderAmount: 9_000_000_000_000_000 }), 'ann')).toThrow(
      new InvalidInputError(`facts.orderAmount: ${PROBLEMS.tooLarge}`),
    );
    expect(() => createCase(env.store, withFacts({ paidAt: '0001-01-01T00:00:00+08:00' }), 'ann')).toThrow(
      InvalidInputError,
    );
    expect(listCases(env.store, QueueQuerySchema.parse({})).total).toBe(0);
  });

  it('keeps a case’s facts as they were when an edit is implausible, and audits nothing', () => {
    const { ref } = createCase(env.store, sampleCase(), 'ann').detail.summary;
    const before = listAudit(env.store, ref).length;
    expect(() =>
      updateFacts(env.store, ref, { ...sampleCase().facts, voucherAmount: 100_000_000_001 }, 'ann'),
    ).toThrow(`facts.voucherAmount: ${PROBLEMS.tooLarge}`);
    expect(listAudit(env.store, ref)).toHaveLength(before);
  });
});
