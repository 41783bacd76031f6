import { describe, expect, it } from 'vitest';
import { EXCLUSION_KEYS } from '../model/facts';
import { decide } from './decide';
import { excludingAnswer, factValueOfAnswer } from './questions';
import { RULE_BOOK } from './versions';

// The questions as an agent reads them: the newest revision's, its windows filled in.
const FACT_QUESTIONS = RULE_BOOK.newest().wording.questions;

const EXCLUSIONS = EXCLUSION_KEYS.map((key) => `exclusions.${key}` as const);

describe('exclusion questions', () => {
  it('are asked positively in both languages: no negation for the agent to untangle', () => {
    for (const fact of EXCLUSIONS) {
      expect(FACT_QUESTIONS[fact].en.question, fact).not.toMatch(/\b(no|not|never|without)\b/i);
      expect(FACT_QUESTIONS[fact].zh.question, fact).not.toMatch(/未|没有|不/);
    }
    expect(FACT_QUESTIONS['exclusions.noServiceRequest'].en.question).toBe(
      'Did the customer submit a service request within 3 months of paying?',
    );
  });

  it('store the fact each answer stands for, and name the answer that rules a refund out', () => {
    expect(factValueOfAnswer('exclusions.noServiceRequest', true)).toBe(false);
    expect(factValueOfAnswer('exclusions.noServiceRequest', false)).toBe(true);
    expect(excludingAnswer('exclusions.noServiceRequest')).toBe(false);
    expect(factValueOfAnswer('exclusions.scopeExceeded', true)).toBe(true);
    expect(excludingAnswer('exclusions.scopeExceeded')).toBe(true);
    expect(excludingAnswer('imageInUse')).toBeUndefined();
  });

  it('the excluding answer does exclude: the rules refuse a service case on it', () => {
    const paidAt = '2026-01-01T10:00:00+08:00';
    const now = Date.parse('2026-06-01T10:00:00+08:00');
    for (const fact of EXCLUSIONS) {
      const key = fact.slice('exclusions.'.length);
      const value = factValueOfAnswer(fact, excludingAnswer(fact)!);
      const decision = decide(
        {
          productType: 'service',
          orderAmount: 10000,
          paidAt,
          serviceStatus: 'in_progress',
          guaranteeEndsAt: '2026-12-01T10:00:00+08:00',
          exclusions: { [key]: value },
        },
        { now },
      );
      expect(decision.outcome, fact).toBe('ineligible');
    }
  });
});
