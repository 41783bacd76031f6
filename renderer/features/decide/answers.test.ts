import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACT_IDS, FACTS, type FactInput } from '../../../shared/model/catalogue';
import { BILLING_METHODS } from '../../../shared/model/facts';
import { POLICY_ZONE_NAME } from '../../lib/time';
import { answerText, readAnswer } from './answers';

// The machine's zone must not matter: answers are read in the zone the input names.
const zoneBefore = process.env.TZ;
beforeAll(() => void (process.env.TZ = 'America/New_York'));
afterAll(() => void (process.env.TZ = zoneBefore));

const billing: FactInput = FACTS.billingMethod.input;
const read = (input: FactInput, text: string, currency = 'CNY', zone = POLICY_ZONE_NAME) =>
  readAnswer(input, text, { currency, zone });

describe('reading a guided answer', () => {
  it('takes a choice only among its options', () => {
    for (const option of BILLING_METHODS) expect(read(billing, option)).toBe(option);
    expect(read(billing, 'monthly')).toBeNull();
    expect(read(FACTS.productType.input, 'rtc_package')).toBe('rtc_package');
    expect(read(FACTS.productType.input, 'hardware')).toBeNull();
  });

  it('takes yes or no as true or false, and nothing else', () => {
    expect(read({ kind: 'yesno' }, 'yes')).toBe(true);
    expect(read({ kind: 'yesno' }, 'no')).toBe(false);
    expect(read({ kind: 'yesno' }, 'maybe')).toBeNull();
  });

  it('reads money into whole minor units of the case currency, never through a float', () => {
    expect(read({ kind: 'money' }, '99.5')).toBe(9950);
    expect(read({ kind: 'money' }, '1,299.00')).toBe(129900);
    expect(read({ kind: 'money' }, '0.29')).toBe(29);
    expect(read({ kind: 'money' }, '1500', 'JPY')).toBe(1500);
    expect(read({ kind: 'money' }, '1500.5', 'JPY')).toBeNull();
    expect(read({ kind: 'money' }, '1.999')).toBeNull();
    expect(read({ kind: 'money' }, '-5')).toBeNull();
    expect(read({ kind: 'money' }, 'ten')).toBeNull();
  });

  it('takes minutes as a finite, non-negative number', () => {
    expect(read({ kind: 'minutes' }, '0')).toBe(0);
    expect(read({ kind: 'minutes' }, '12.5')).toBe(12.5);
    for (const text of ['', '  ', '-1', 'ten', 'Infinity'])
      expect(read({ kind: 'minutes' }, text)).toBeNull();
  });

  it('takes text trimmed, and blank text as no answer', () => {
    expect(read({ kind: 'text' }, ' USD ')).toBe('USD');
    expect(read({ kind: 'text' }, '   ')).toBeNull();
  });

  it('never takes an empty answer to any question the rules can ask', () => {
    for (const id of FACT_IDS) expect(read(FACTS[id].input, ''), id).toBeNull();
  });

  it('reads a date and time in the policy zone when the input says so, on a machine in New York', () => {
    expect(read({ kind: 'instant' }, '2026-03-01T10:00')).toBe('2026-03-01T10:00:00+08:00');
    expect(read({ kind: 'instant' }, '2026-03-01T10:00:30')).toBe('2026-03-01T10:00:30+08:00');
    expect(read({ kind: 'instant' }, 'not a date')).toBeNull();
  });

  it('reads in the agent’s own zone with the offset in force at that moment, summer or winter', () => {
    const inBerlin = (text: string) => read({ kind: 'instant' }, text, 'CNY', 'Europe/Berlin');
    expect(inBerlin('2026-01-15T09:00')).toBe('2026-01-15T09:00:00+01:00');
    expect(inBerlin('2026-07-15T09:00')).toBe('2026-07-15T09:00:00+02:00');
  });
});

describe('a stored fact as its input starts from it ("Change")', () => {
  it('reads back to the same value for every kind of input', () => {
    const stored: [FactInput, unknown][] = [
      [billing, 'subscription'],
      [{ kind: 'yesno' }, false],
      [{ kind: 'money' }, 129_900],
      [{ kind: 'minutes' }, 4485],
      [{ kind: 'text' }, 'USD'],
      [{ kind: 'instant' }, '2026-03-01T10:00:00+08:00'],
    ];
    for (const [input, value] of stored) {
      const context = { currency: 'CNY', zone: POLICY_ZONE_NAME };
      const text = answerText(input, value, context);
      expect(text).not.toBe('');
      expect(readAnswer(input, text, context)).toEqual(value);
    }
    const berlin = { currency: 'CNY', zone: 'Europe/Berlin' };
    expect(answerText({ kind: 'instant' }, '2026-03-01T10:00:00+08:00', berlin)).toBe('2026-03-01T03:00');
    expect(answerText({ kind: 'money' }, undefined, berlin)).toBe('');
  });
});
