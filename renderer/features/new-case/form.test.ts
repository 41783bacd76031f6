import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTS, FORM_FACTS_OF_EVERY_KIND, KINDS } from '../../../shared/model/catalogue';
import { PRODUCT_TYPES } from '../../../shared/model/facts';
import { POLICY_ZONE_NAME } from '../../lib/time';
import { PROBLEMS, type ProblemCode } from '../../../shared/model/plausibility';
import { en } from '../../i18n/en';
import { zh } from '../../i18n/zh';
import { EMPTY_FORM, factFieldsOf, inputOf, toNewCase, type FormValues, type Translate } from './form';

// The form's date-time fields are read in the zone they name (here the policy zone), not the
// machine's: the machine is put in New York to show it does not matter.
const zoneBefore = process.env.TZ;
beforeAll(() => void (process.env.TZ = 'America/New_York'));
afterAll(() => void (process.env.TZ = zoneBefore));

const NOT_MONEY = en.newCase.notMoney;
const translators: Record<'en' | 'zh', Translate> = {} as never;
beforeAll(async () => {
  for (const language of ['en', 'zh'] as const) {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { en: { translation: en }, zh: { translation: zh } },
      lng: language,
      interpolation: { escapeValue: false },
    });
    translators[language] = instance.t as Translate;
  }
});
const NOW = Date.parse('2026-03-10T12:00:00+08:00');
const CUSTOMER: FormValues = {
  customerName: 'Harbin Dumpling Co',
  accountId: 'acc-1',
  orderId: 'ORD-1',
  productName: 'Dumpling CRM',
  provider: 'Northwind Cloud',
};
const submit = (fields: FormValues, language: 'en' | 'zh' = 'en', incomplete: string[] = []) =>
  toNewCase(
    { ...EMPTY_FORM, ...CUSTOMER, ...fields },
    translators[language],
    NOW,
    POLICY_ZONE_NAME,
    incomplete,
  );

describe('the new-case form', () => {
  it('asks the shared facts for every kind, then the kind’s own', () => {
    for (const kind of PRODUCT_TYPES) {
      expect(factFieldsOf(kind)).toEqual([...FORM_FACTS_OF_EVERY_KIND, ...KINDS[kind].formFacts]);
    }
    expect(factFieldsOf('image')).toContain('imageInUse');
    expect(factFieldsOf('hardware')).toEqual(FORM_FACTS_OF_EVERY_KIND);
    expect(factFieldsOf(undefined)).toEqual(FORM_FACTS_OF_EVERY_KIND);
  });

  it('enters each fact by its catalogue input and the case’s own fields as text', () => {
    expect(inputOf('paidAt')).toEqual({ kind: 'instant' });
    expect(inputOf('orderAmount')).toEqual({ kind: 'money' });
    expect(inputOf('invoiceIssued')).toEqual({ kind: 'yesno' });
    expect(inputOf('billingMethod').kind).toBe('choice');
    expect(inputOf('customerName')).toEqual({ kind: 'text' });
    expect(inputOf('toString')).toEqual({ kind: 'text' });
  });

  it('turns typed text into facts: minor units, instants with their offset, yes/no as booleans', () => {
    const result = submit({
      orderAmount: '1,299.50',
      voucherAmount: '20',
      paidAt: '2026-03-01T10:00',
      requestedAt: '2026-03-04T09:30',
      invoiceIssued: 'yes',
      assignee: '  Mei Lin ',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        customer: { name: 'Harbin Dumpling Co', accountId: 'acc-1' },
        orderId: 'ORD-1',
        productName: 'Dumpling CRM',
        provider: 'Northwind Cloud',
        assignee: 'Mei Lin',
        facts: {
          productType: 'saas',
          currency: 'CNY',
          orderAmount: 129950,
          voucherAmount: 2000,
          paidAt: '2026-03-01T10:00:00+08:00',
          requestedAt: '2026-03-04T09:30:00+08:00',
          invoiceIssued: true,
        },
      },
    });
  });

  it('sends the chosen kind’s facts and leaves out what was typed for another kind', () => {
    const kindFields = {
      billingMethod: 'subscription',
      imageInUse: 'no',
      serviceStatus: 'in_progress',
      consumedMinutes: '12.5',
      expiresAt: '2026-04-01T00:00',
    };
    const facts = (kind: string) => {
      const result = submit({ productType: kind, ...kindFields });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.value.facts;
    };
    expect(facts('image')).toMatchObject({ billingMethod: 'subscription', imageInUse: false });
    expect(facts('image')).not.toHaveProperty('consumedMinutes');
    expect(facts('rtc_package')).toMatchObject({
      consumedMinutes: 12.5,
      expiresAt: '2026-04-01T00:00:00+08:00',
    });
    expect(facts('rtc_package')).not.toHaveProperty('billingMethod');
    expect(facts('saas')).toEqual({ productType: 'saas', currency: 'CNY' });
  });

  it('starts every yes/no fact on "not known" and sends none the agent did not give', () => {
    const yesNo = (Object.keys(FACTS) as (keyof typeof FACTS)[]).filter(
      (name) => FACTS[name].input.kind === 'yesno',
    );
    expect(yesNo).toContain('invoiceIssued');
    for (const name of yesNo) expect(EMPTY_FORM, name).not.toHaveProperty(name);
    for (const kind of PRODUCT_TYPES) {
      const result = submit({ productType: kind });
      const facts = result.ok ? result.value.facts : {};
      for (const name of yesNo) expect(facts, `${kind} ${name}`).not.toHaveProperty(name);
    }
  });

  it('leaves an empty field unknown, not blank', () => {
    const result = submit({
      productType: 'service',
      serviceStatus: '',
      guaranteeEndsAt: '',
      orderAmount: '',
    });
    expect(result.ok && result.value.facts).toEqual({ productType: 'service', currency: 'CNY' });
  });

  it('reads amounts in the chosen currency', () => {
    const result = submit({ currency: 'JPY', orderAmount: '1500' });
    expect(result.ok && result.value.facts.orderAmount).toBe(1500);
    expect(submit({ currency: 'JPY', orderAmount: '1500.5' })).toEqual({
      ok: false,
      errors: { orderAmount: NOT_MONEY },
    });
  });

  it('names each field that is wrong, with the form’s own field names', () => {
    const result = submit({
      customerName: ' ',
      orderAmount: '12.345',
      voucherAmount: 'ten',
      consumedMinutes: '',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({ orderAmount: NOT_MONEY, voucherAmount: NOT_MONEY });
    expect(result.errors.customerName).toBe(en.problems.empty);
  });

  it('refuses what only the whole case shows: a voucher above the amount, a request before payment', () => {
    expect(submit({ orderAmount: '10', voucherAmount: '20' })).toEqual({
      ok: false,
      errors: { voucherAmount: en.problems.voucherOverOrder },
    });
    expect(submit({ paidAt: '2026-03-05T10:00', requestedAt: '2026-03-01T10:00' })).toEqual({
      ok: false,
      errors: { requestedAt: en.problems.beforePayment },
    });
  });

  it('refuses a kind the rules do not know', () => {
    const result = submit({ productType: 'hardware' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.productType).toMatch(/^must be one of saas, /);
  });

  it('refuses negative minutes through the schema', () => {
    const result = submit({ productType: 'rtc_package', consumedMinutes: '-3' });
    expect(result).toEqual({ ok: false, errors: { consumedMinutes: en.problems.negative } });
  });

  it('says what is wrong with a negative or a huge amount, not how to type one', () => {
    expect(submit({ orderAmount: '-100' })).toEqual({
      ok: false,
      errors: { orderAmount: en.problems.negative },
    });
    expect(submit({ orderAmount: '90000000000000' })).toEqual({
      ok: false,
      errors: { orderAmount: en.problems.tooLarge },
    });
    expect(submit({ orderAmount: '99999999999999999999' })).toEqual({
      ok: false,
      errors: { orderAmount: en.problems.tooLarge },
    });
  });

  it('refuses a payment in year 1 at its field', () => {
    expect(submit({ paidAt: '0001-01-01T10:00' })).toEqual({
      ok: false,
      errors: { paidAt: en.problems.instantRange },
    });
  });

  it('blocks a half-typed date with an error at its field instead of dropping it', () => {
    expect(submit({ orderAmount: '10' }, 'en', ['paidAt'])).toEqual({
      ok: false,
      errors: { paidAt: en.newCase.halfTypedDate },
    });
  });

  it('words every error in the agent’s language', () => {
    const result = submit(
      { customerName: '', orderAmount: '-1', voucherAmount: 'ten', paidAt: '0001-01-01T10:00' },
      'zh',
      ['requestedAt'],
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        customerName: zh.problems.empty,
        orderAmount: zh.problems.negative,
        voucherAmount: zh.newCase.notMoney,
        paidAt: zh.problems.instantRange,
        requestedAt: zh.newCase.halfTypedDate,
      },
    });
    expect(submit({ orderAmount: '10', voucherAmount: '20' }, 'zh')).toEqual({
      ok: false,
      errors: { voucherAmount: zh.problems.voucherOverOrder },
    });
  });

  it('has a wording in both languages for every problem the schemas name', () => {
    for (const code of Object.keys(PROBLEMS) as ProblemCode[]) {
      expect(en.problems[code]).toBeTruthy();
      expect(zh.problems[code]).toBeTruthy();
      expect(zh.problems[code]).not.toBe(en.problems[code]);
    }
  });
});
