import { describe, expect, it } from 'vitest';
import { FactsSchema } from './facts';
import { describeFirstIssue } from './issues';
import { PROBLEMS, problemCodeOf } from './plausibility';

const problem = (facts: unknown) => {
  const parsed = FactsSchema.safeParse(facts);
  return parsed.success ? null : describeFirstIssue(parsed.error, 'facts');
};

describe('implausible facts are refused by the schema itself (rule book §4, v1.1)', () => {
  it.each([
    ['a payment in year 1', { paidAt: '0001-01-01T00:00:00+08:00' }, 'paidAt', PROBLEMS.instantRange],
    ['a request in 2150', { requestedAt: '2150-01-01T00:00:00Z' }, 'requestedAt', PROBLEMS.instantRange],
    [
      'an order of 90 trillion yuan',
      { orderAmount: 9_000_000_000_000_000 },
      'orderAmount',
      PROBLEMS.tooLarge,
    ],
    [
      'a voucher over the plausible ceiling',
      { voucherAmount: 100_000_000_001 },
      'voucherAmount',
      PROBLEMS.tooLarge,
    ],
    ['a negative amount', { orderAmount: -100 }, 'orderAmount', PROBLEMS.negative],
  ])('%s', (_, facts, field, message) => {
    expect(problem(facts)).toEqual({ field, message });
  });

  it('accepts the largest plausible order and the policy’s years', () => {
    expect(problem({ orderAmount: 100_000_000_000, paidAt: '2000-01-01T00:00:00+08:00' })).toBeNull();
  });

  it('names each problem by a code a form can translate', () => {
    expect(problemCodeOf(PROBLEMS.tooLarge)).toBe('tooLarge');
    expect(problemCodeOf('something else')).toBeUndefined();
  });
});
