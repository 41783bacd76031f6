import { describe, expect, it } from 'vitest';
import type { CaseDetail, DecisionRecord } from '../../model/case';
import { OUTCOMES } from '../../model/decision';
import type { Facts } from '../../model/facts';
import { LANGUAGES } from '../../model/languages';
import {
  REPLY_VARIABLES,
  renderTemplate,
  templateProblem,
  type ReplyValues,
} from '../../model/reply-templates';
import { ACTION_TEXTS } from '../clauses';
import { decide } from '../decide';
import { decisionOfCase } from '../recorded';
import { CUSTOMER_REASONS, DEFAULT_TEMPLATES, draftCorrection, draftReply, MISSING_REQUESTS } from './index';

const PAID = '2026-03-01T10:00:00+08:00';
const NOW = Date.parse('2026-03-02T02:00:00Z');

function caseWith(facts: Facts, decisions: DecisionRecord[] = []): CaseDetail {
  return {
    summary: {
      ref: 'RC-000042',
      customerName: 'Li Wei',
      accountId: 'acc-1',
      orderId: 'O-2026-0042',
      productName: 'SiteBuilder Pro',
      provider: 'Acme Cloud',
      orderAmount: facts.orderAmount ?? null,
      currency: facts.currency ?? null,
      productType: facts.productType ?? null,
      status: 'open',
      assignee: null,
      latestOutcome: null,
      windowClosesAt: null,
      createdAt: PAID,
      updatedAt: PAID,
      revision: 1,
    },
    customer: { name: 'Li Wei', accountId: 'acc-1' },
    provider: 'Acme Cloud',
    facts,
    decisions,
    notes: [],
  };
}

const reply = (detail: CaseDetail, language: 'en' | 'zh' = 'en', template?: string) =>
  draftReply({
    detail,
    decision: decisionOfCase(detail, NOW, language),
    language,
    agent: 'Mei Lin',
    template,
  });

describe('the reply draft', () => {
  it('gives an eligible customer the cash amount with its currency and explains the voucher', () => {
    const text = reply(
      caseWith({
        productType: 'saas',
        paidAt: PAID,
        orderAmount: 19900,
        voucherAmount: 2000,
        currency: 'CNY',
      }),
    );
    expect(text).toBe(
      [
        'Dear Li Wei,',
        '',
        'Thank you for your refund request for order O-2026-0042 (SiteBuilder Pro).',
        'Your request meets the refund policy: we will refund CNY 179.00 to you in cash.',
        'Vouchers used on the order (CNY 20.00) are not paid back in cash.',
        '',
        'Kind regards,',
        'Mei Lin',
        'Case RC-000042',
        '',
      ].join('\n'),
    );
  });

  it('gives the actions, numbered, with their deadline in the policy zone', () => {
    const facts: Facts = {
      productType: 'image',
      billingMethod: 'subscription',
      imageInUse: true,
      paidAt: PAID,
      orderAmount: 10000,
      currency: 'CNY',
    };
    const text = reply(caseWith(facts));
    const { actions } = decide(facts, { now: NOW });
    expect(text).toContain(
      'CNY 100.00 in cash, once you have completed these steps before 2026-03-06 10:00 UTC+08:00:',
    );
    expect(text).toContain(
      actions.map((action, index) => `${index + 1}. ${ACTION_TEXTS[action].en}`).join('\n'),
    );
  });

  it('lists exactly what a needs-info customer must send, in their words, and nothing else', () => {
    const facts: Facts = { productType: 'service', paidAt: PAID, orderAmount: 10000 };
    const { missing } = decide(facts, { now: NOW });
    const text = reply(caseWith(facts));
    const listed = text.split('\n').filter((line) => line.startsWith('- '));
    expect(listed).toEqual(missing.map((fact) => `- ${MISSING_REQUESTS[fact].en}`));
    expect(text).not.toContain('refund CNY');
  });

  it('gives a refusal its reasons in customer words and the next step, and no amount', () => {
    const text = reply(caseWith({ productType: 'api', paidAt: PAID, orderAmount: 10000 }));
    expect(text).toContain(`because:\n- ${CUSTOMER_REASONS['delivery.api-or-download'].en}\n`);
    expect(text).toContain(`What you can do next:\n1. ${ACTION_TEXTS.contact_provider.en}`);
    expect(text).not.toContain(CUSTOMER_REASONS['refund.contact-provider'].en);
    expect(text).not.toMatch(/CNY/);
  });

  it('follows the recorded outcome after an override to eligible on a refused case', () => {
    const facts: Facts = { productType: 'api', paidAt: PAID, orderAmount: 10000, voucherAmount: 1000 };
    const refused = decide(facts, { now: NOW, trace: true });
    const overridden: DecisionRecord = {
      id: 1,
      caseRef: 'RC-000042',
      decision: refused,
      recordedOutcome: 'eligible',
      override: { justification: 'The provider agreed to refund this order in full.', amount: null },
      facts,
      agent: 'Mei Lin',
      note: null,
      decidedAt: new Date(NOW).toISOString(),
    };
    const text = reply(caseWith(facts, [overridden]));
    expect(text).toContain('we will refund CNY 90.00 to you in cash');
    expect(text).not.toContain('cannot be refunded');
    expect(reply(caseWith(facts, [overridden]), 'zh')).toContain('我们将以现金方式向您退款 CNY 90.00');
  });

  it('writes the whole reply in the reply’s language', () => {
    const text = reply(caseWith({ productType: 'api', paidAt: PAID, orderAmount: 10000 }), 'zh');
    expect(text).toContain(CUSTOMER_REASONS['delivery.api-or-download'].zh);
    expect(text).toContain(ACTION_TEXTS.contact_provider.zh);
    expect(text).not.toMatch(/Dear|refund|because|next|regards|Case/);
  });

  it('uses the team’s template when there is one', () => {
    const text = reply(
      caseWith({ productType: 'api', paidAt: PAID, orderAmount: 10000 }),
      'en',
      'Hi {{customer}}, case {{caseRef}}:\n{{reasons}}',
    );
    expect(text).toBe(`Hi Li Wei, case RC-000042:\n- ${CUSTOMER_REASONS['delivery.api-or-download'].en}\n`);
  });
});

describe('reply templates', () => {
  const values = Object.fromEntries(REPLY_VARIABLES.map((name) => [name, ''])) as unknown as ReplyValues;

  it('keep a section only when its variable has a value', () => {
    const body =
      'A{{#voucher}} minus {{voucher}}{{/voucher}}.\n\n\n{{#deadline}}By {{deadline}}{{/deadline}}\nEnd';
    expect(renderTemplate(body, { ...values, voucher: 'CNY 1.00' })).toBe('A minus CNY 1.00.\n\nEnd\n');
  });

  it('refuse an unknown variable and a section left open or closed wrongly', () => {
    expect(templateProblem('Dear {{name}}')).toMatch(
      /^\{\{name\}\} is not a variable; use one of customer, /,
    );
    expect(templateProblem('{{#voucher}}x')).toBe('{{#voucher}} is never closed with {{/voucher}}');
    expect(templateProblem('{{#voucher}}x{{/deadline}}')).toBe(
      '{{/deadline}} closes a section that is not open',
    );
  });

  it('ship a valid default for every outcome and language', () => {
    for (const outcome of OUTCOMES)
      for (const language of LANGUAGES)
        expect(templateProblem(DEFAULT_TEMPLATES[outcome][language])).toBeNull();
  });
});

describe('the correction reply', () => {
  const facts: Facts = { productType: 'saas', paidAt: PAID, orderAmount: 200_000, currency: 'CNY' };
  const told = {
    at: '2026-03-02T02:00:00.000Z',
    told: { outcome: 'eligible' as const, amount: 300_000, currency: 'CNY', deadline: null },
  };

  it('names what the customer was told and when, says it was wrong, and gives the record’s sum', () => {
    const detail = caseWith(facts);
    const decision = { ...decide(facts, { now: NOW }), outcome: 'eligible' as const, refundAmount: 200_000 };
    const en = draftCorrection({ detail, decision, told, language: 'en', agent: 'Mei Lin' });
    expect(en).toContain('On 2026-03-02 10:00 UTC+08:00 we wrote to you');
    expect(en).toContain('told you that we would refund CNY 3,000.00 in cash. That was not right');
    expect(en).toContain('we will refund CNY 2,000.00 to you in cash.');
    const zh = draftCorrection({ detail, decision, told, language: 'zh', agent: 'Mei Lin' });
    expect(zh).toContain('告知您我们将以现金方式退款 CNY 3,000.00。该答复有误');
    expect(zh).toContain('我们将以现金方式向您退款 CNY 2,000.00。');
  });

  it('corrects a promised refund into a refusal with the refusal’s reasons', () => {
    const detail = caseWith(facts);
    const decision = { ...decide(facts, { now: NOW }), outcome: 'ineligible' as const, refundAmount: 0 };
    const en = draftCorrection({ detail, decision, told, language: 'en', agent: 'Mei Lin' });
    expect(en).toContain('this order cannot be refunded in full');
    expect(en).not.toContain('we will refund');
  });
});
