import { describe, expect, it } from 'vitest';
import { DecisionSchema } from '../model/decision';
import { decide } from './decide';
import { renderDecisionText } from './explain';
import { parseFacts } from './parse-facts';
import { at, NOW, PAID } from './test-support';
import { DAY_MS } from './time';

const decideTraced = (input: object) => {
  const parsed = parseFacts(input, NOW);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return decide(parsed.facts, { now: NOW, trace: true });
};

describe('decision traces', () => {
  it('are left out unless asked for', () => {
    const parsed = parseFacts({ productType: 'api' }, NOW);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(decide(parsed.facts, { now: NOW })).not.toHaveProperty('trace');
  });

  it('list each rule checked in order, with the facts it read and what it concluded', () => {
    const d = decideTraced({
      productType: 'image',
      billingMethod: 'subscription',
      imageInUse: true,
      paidAt: PAID,
      requestedAt: at(PAID, DAY_MS),
      orderAmount: 100,
      voucherAmount: 10,
    });
    expect(d.trace).toEqual({
      format: 1,
      steps: [
        { rule: 'productType', read: { productType: 'image' }, holds: true },
        { rule: 'image.pay-as-you-go', read: { billingMethod: 'subscription' }, holds: false },
        {
          rule: 'image.subscription-window',
          read: { paidAt: PAID, requestedAt: at(PAID, DAY_MS) },
          holds: true,
          at: '2026-03-06T04:00:00.000Z',
        },
        { rule: 'image.in-use', read: { imageInUse: true }, holds: true },
        { rule: 'orderAmount', read: { orderAmount: 100 }, holds: true },
        { rule: 'refund.cash-only', read: { orderAmount: 100, voucherAmount: 10 }, holds: true },
        { rule: 'refund.return-invoice', read: { invoiceIssued: null }, holds: false },
      ],
    });
    expect(DecisionSchema.parse(d)).toEqual(d);
  });

  it('say what is not known yet, and the application time used when none was given', () => {
    const d = decideTraced({ productType: 'rtc_package', paidAt: PAID });
    expect(d.trace!.steps.map((step) => [step.rule, step.holds])).toEqual([
      ['productType', true],
      ['rtc.unsubscribe-window', false],
      ['rtc.consumed', null],
      ['rtc.expired', false],
      ['refund.contact-provider', false], // a package refusal sends no one to a provider
    ]);
    expect(d.trace!.steps[1]!.read).toEqual({ paidAt: PAID, requestedAt: new Date(NOW).toISOString() });
  });

  it('are printed under the decision, in English or Chinese', () => {
    const d = decideTraced({ productType: 'api' });
    expect(renderDecisionText(d, 'en')).toContain('delivery.api-or-download (productType=api): applies');
    expect(renderDecisionText(d, 'zh')).toContain('delivery.api-or-download (productType=api): 适用');
  });

  it('say in words what each step found: inside or outside, expired or not, excluded or not', () => {
    const rtc = decideTraced({
      productType: 'rtc_package',
      paidAt: PAID,
      consumedMinutes: 0,
      expiresAt: '2026-03-02T12:00:00+08:00',
      requestedAt: '2026-03-02T12:00:15+08:00',
    });
    const rtcText = renderDecisionText(rtc, 'en');
    expect(rtcText).toMatch(/rtc\.unsubscribe-window \(.*\): inside the window/);
    expect(rtcText).toMatch(/rtc\.expired \(.*\): expired/);
    expect(rtcText).not.toMatch(/: (holds|does not hold)/);
    expect(renderDecisionText(rtc, 'zh')).toMatch(/rtc\.expired \(.*\): 已过期/);
    const service = decideTraced({
      productType: 'service',
      serviceStatus: 'in_progress',
      paidAt: PAID,
      guaranteeEndsAt: '2026-12-31T00:00:00+08:00',
      requestedAt: '2026-04-12T10:00:00+08:00',
      exclusions: { scopeExceeded: false, itemLapsed: true, legalViolation: false },
    });
    const serviceText = renderDecisionText(service, 'en');
    expect(serviceText).toMatch(/service\.guarantee-window \(.*\): inside the window/);
    expect(serviceText).toMatch(/exclusion\.scope-exceeded \(.*\): not excluded/);
    expect(serviceText).toMatch(/exclusion\.item-lapsed \(.*\): excluded/);
  });

  it('show the seconds that decide, and a package’s validity as half-open', () => {
    const facts = {
      productType: 'rtc_package',
      paidAt: PAID,
      consumedMinutes: 0,
      expiresAt: '2026-03-02T12:00:00+08:00',
      requestedAt: '2026-03-02T12:00:15+08:00',
    };
    const parsed = parseFacts(facts, NOW);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const text = renderDecisionText(decideTraced(facts), 'en', [], undefined, parsed.facts);
    expect(text).toContain('Judged as of: 2026-03-02 12:00:15 UTC+08:00');
    expect(text).toContain(
      'Valid until: 2026-03-02 12:00:00 UTC+08:00 (2026-03-02T04:00:00.000Z), not including',
    );
    expect(renderDecisionText(decideTraced(facts), 'zh', [], undefined, parsed.facts)).toContain(
      '，不含该时刻',
    );
  });
});
