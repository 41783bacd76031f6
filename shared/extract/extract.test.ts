import { describe, expect, it } from 'vitest';
import { extractProposals } from '.';

const facts = (message: string) =>
  Object.fromEntries(extractProposals(message).map((proposal) => [proposal.fact, proposal.value]));

describe('extractProposals', () => {
  it('reads an English request into decide-form values, each with its span', () => {
    const message =
      'Hi, my order ORD-2026-0315 for the machine image cost ¥1,299.00. I paid on 2026-03-05 14:30 ' +
      'and used a ¥100 coupon. The instance is still running. No invoice was issued.';
    const proposals = extractProposals(message);
    expect(facts(message)).toEqual({
      orderId: 'ORD-2026-0315',
      productType: 'image',
      currency: 'CNY',
      orderAmount: 129900,
      paidAt: '2026-03-05T14:30:00+08:00',
      voucherAmount: 10000,
      imageInUse: true,
      invoiceIssued: false,
    });
    for (const { text, start, end } of proposals) expect(message.slice(start, end)).toBe(text);
    expect(proposals.find((p) => p.fact === 'paidAt')).toMatchObject({
      text: '2026-03-05 14:30',
      assumed: 'policyZone',
    });
  });

  it('reads a Chinese request, with full-width digits, 元 and a Beijing-time request', () => {
    const message =
      '您好，订单号：２０２６０３０５１２３４５６７８，通信时长包，订单金额￥300元，已使用120分钟。' +
      '我于2026年3月5日下午2点半付款，北京时间2026年3月8日 10:00申请退款。发票已开具。';
    expect(facts(message)).toEqual({
      orderId: '2026030512345678',
      productType: 'rtc_package',
      currency: 'CNY',
      orderAmount: 30000,
      consumedMinutes: 120,
      paidAt: '2026-03-05T14:30:00+08:00',
      requestedAt: '2026-03-08T10:00:00+08:00',
      invoiceIssued: true,
    });
    const requested = extractProposals(message).find((p) => p.fact === 'requestedAt');
    expect(requested?.assumed).toBeUndefined();
  });

  it('keeps the written zone, and takes the mail header date as the request', () => {
    const message =
      'From: Li Wei <li@example.com>\nDate: Thu, 5 Mar 2026 14:30:00 +0800\nSubject: refund\n\n' +
      'I bought the SaaS on March 1, 2026 at 9:15 am PST.';
    expect(facts(message)).toMatchObject({
      requestedAt: '2026-03-05T14:30:00+08:00',
      paidAt: '2026-03-01T09:15:00-08:00',
      productType: 'saas',
    });
  });

  it('does not take a paid amount for the order when a voucher paid part of it', () => {
    expect(facts('I paid ¥250 after a ¥50 voucher; the order total was ¥300 (about $42).')).toEqual({
      currency: 'CNY',
      voucherAmount: 5000,
      orderAmount: 30000,
    });
  });

  it.each([
    ['a date without its time', 'I paid on 2026-03-05, see attached.'],
    ['a date without its year', '我3月5日 14:00付款的。'],
    ['a zone that means several', 'I paid on March 5, 2026 at 2:30 pm CST.'],
    ['an estimate', 'It cost about ¥300, I think.'],
    ['a refund asked for', 'Please refund ¥300 to my card.'],
    ['a scaled amount', '订单金额1.5万元。'],
    ['a bare "service"', 'Your customer service is slow and the software is bad.'],
    ['a year as an order number', 'My order 2026 was wrong.'],
    ['an invoice both issued and not', 'The invoice was issued. No invoice was issued.'],
  ])('proposes nothing for %s', (_, message) => {
    expect(extractProposals(message)).toEqual([]);
  });

  it('reads several order ids after one cue', () => {
    expect(
      extractProposals('Orders ORD-1001, ORD-1002 and ORD-1003 were all charged twice.').map((p) => p.value),
    ).toEqual(['ORD-1001', 'ORD-1002', 'ORD-1003']);
  });

  it('prefers the longer phrase where a negation covers a statement', () => {
    expect(facts("I haven't received an invoice yet.")).toEqual({ invoiceIssued: false });
    expect(facts('发票还没开具，镜像已释放。')).toEqual({
      invoiceIssued: false,
      imageInUse: false,
      productType: 'image',
    });
  });
});
