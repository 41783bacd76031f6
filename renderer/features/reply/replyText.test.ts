import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/model/case';
import type { Facts } from '../../../shared/model/facts';
import type { Language } from '../../../shared/model/languages';
import { ACTION_TEXTS } from '../../../shared/policy/clauses';
import { decide } from '../../../shared/policy/decide';
import { en } from '../../i18n/en';
import { zh } from '../../i18n/zh';
import { decisionForReply, generateReply } from './replyText';

const PAID = '2026-03-01T10:00:00+08:00';
const NOW = Date.parse('2026-03-02T02:00:00Z');
const translations: Record<Language, TFunction> = {} as never;

beforeAll(async () => {
  for (const language of ['en', 'zh'] as const) {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { en: { translation: en }, zh: { translation: zh } },
      lng: language,
      interpolation: { escapeValue: false },
    });
    translations[language] = instance.t;
  }
});

function caseWith(facts: Facts): CaseDetail {
  return {
    summary: {
      ref: 'RC-000042',
      customerName: 'Li Wei',
      accountId: 'acc-1',
      orderId: 'O-2026-0042',
      productName: 'SiteBuilder Pro',
      productType: facts.productType ?? null,
      status: 'open',
      assignee: null,
      latestOutcome: null,
      windowClosesAt: null,
      createdAt: PAID,
      updatedAt: PAID,
      revision: 1,
      provider: 'Acme Cloud',
      orderAmount: null,
      currency: null,
    },
    customer: { name: 'Li Wei', accountId: 'acc-1' },
    provider: 'Acme Cloud',
    facts,
    decisions: [],
    notes: [],
  };
}

function reply(facts: Facts, language: Language = 'en'): string {
  const decision = decide(facts, { now: NOW });
  return generateReply(caseWith(facts), decision, language, translations[language], 'Mei Lin');
}

describe('the first draft of the reply', () => {
  it('greets, names the order, gives the cash amount and explains the voucher', () => {
    const text = reply({
      productType: 'saas',
      paidAt: PAID,
      orderAmount: 19900,
      voucherAmount: 2000,
      currency: 'CNY',
      invoiceIssued: false,
    });
    expect(text).toBe(
      [
        'Dear Li Wei,',
        '',
        'Thank you for your refund request for order O-2026-0042 (SiteBuilder Pro).',
        en.reply.outcome.eligible,
        'Refund amount: CNY 179.00.',
        'Vouchers used on the order (CNY 20.00) are not refunded in cash.',
        '',
        en.reply.closing,
        'Mei Lin',
        '',
      ].join('\n'),
    );
  });

  it('lists the customer’s steps, numbered, and the deadline in the policy zone with its offset', () => {
    const facts: Facts = {
      productType: 'image',
      billingMethod: 'subscription',
      imageInUse: true,
      paidAt: PAID,
      orderAmount: 10000,
      currency: 'CNY',
    };
    const decision = decide(facts, { now: NOW });
    expect(decision.outcome).toBe('conditional');
    const lines = reply(facts).split('\n');
    const steps = lines.indexOf('Please:');
    expect(lines.slice(steps + 1, steps + 1 + decision.actions.length)).toEqual(
      decision.actions.map((action, index) => `${index + 1}. ${ACTION_TEXTS[action].en}`),
    );
    expect(lines).toContain('Please complete this before 2026-03-06 10:00 UTC+08:00.');
    expect(decision.windowClosesAt).toBe('2026-03-06T02:00:00.000Z');
  });

  it('gives neither an amount nor a deadline when nothing is refunded and the customer can do nothing', () => {
    const text = reply({ productType: 'api', orderAmount: 10000, currency: 'CNY' });
    expect(text).toContain(en.reply.outcome.ineligible);
    expect(text).not.toContain('Refund amount');
    expect(text).not.toContain('Please complete this before');
  });

  it('asks for what is missing, with the deadline, when the rules need information', () => {
    const text = reply({ productType: 'rtc_package', paidAt: PAID, orderAmount: 10000, currency: 'CNY' });
    expect(text).toContain(en.reply.outcome.needs_info);
    expect(text).toContain('Please complete this before 2026-03-08 10:00 UTC+08:00.');
  });

  it('writes the whole reply in the reply’s language, steps included', () => {
    const facts: Facts = {
      productType: 'image',
      billingMethod: 'subscription',
      imageInUse: true,
      paidAt: PAID,
      orderAmount: 10000,
      currency: 'CNY',
    };
    const text = reply(facts, 'zh');
    expect(text.startsWith(zh.reply.greeting.replace('{{name}}', 'Li Wei'))).toBe(true);
    for (const action of decide(facts, { now: NOW }).actions) expect(text).toContain(ACTION_TEXTS[action].zh);
    expect(text).not.toContain('Please');
  });
});

describe('the reply after an override', () => {
  it('follows the recorded outcome: an override to eligible on a refused case refunds the cash paid', () => {
    const facts: Facts = {
      productType: 'api',
      paidAt: PAID,
      orderAmount: 10000,
      voucherAmount: 1000,
      currency: 'CNY',
    };
    const refused = decide(facts, { now: NOW, trace: true });
    expect(refused.outcome).toBe('ineligible');
    const detail: CaseDetail = {
      ...caseWith(facts),
      decisions: [
        {
          id: 1,
          caseRef: 'RC-000042',
          decision: refused,
          recordedOutcome: 'eligible',
          override: { justification: 'The provider agreed to refund this order in full.' },
          facts,
          agent: 'Mei Lin',
          note: null,
          decidedAt: '2026-03-02T02:00:00.000Z',
        },
      ],
    };
    const decision = decisionForReply(detail, NOW);
    expect(decision.outcome).toBe('eligible');
    expect(decision.refundAmount).toBe(9000);
    const text = generateReply(detail, decision, 'en', translations.en, 'Mei Lin');
    expect(text).toContain(en.reply.outcome.eligible);
    expect(text).not.toContain(en.reply.outcome.ineligible);
    expect(text).toContain('CNY 90.00');
  });
});
