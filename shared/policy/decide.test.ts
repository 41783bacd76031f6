import { describe, expect, it } from 'vitest';
import { DAY_MS } from './time';
import { at, decideUnder, PAID, REVISIONS } from './test-support';

// The first reading's answers, under every revision; where v1.1 reads a rule differently the
// test runs under v1 only and v1.1.test.ts holds the new reading.
describe.each(REVISIONS)('under %s', (revision) => {
  const decideInput = decideUnder(revision);
  const firstReading = revision === 'v1';

  const base = { paidAt: PAID, orderAmount: 19900 };

  describe('saas', () => {
    const saas = (requestedAt: string, extra = {}) =>
      decideInput({ ...base, productType: 'saas', requestedAt, ...extra });

    it('refunds in full inside the 5-day guarantee, closing exactly 5 × 24 h after payment', () => {
      const d = saas(at(PAID, DAY_MS));
      expect(d).toMatchObject({
        outcome: 'eligible',
        refundAmount: 19900,
        currency: 'CNY',
        clauses: ['saas.guarantee-window'],
        actions: [],
        missing: [],
        windowClosesAt: '2026-03-06T04:00:00.000Z',
        requestedAtAssumed: false,
        policyVersion: 'v1',
        policyRevision: revision,
      });
      expect(d.reasons.map((r) => r.clause)).toEqual(d.clauses);
    });

    it('counts the closing instant inside and one millisecond later outside', () => {
      expect(saas(at(PAID, 5 * DAY_MS)).outcome).toBe('eligible');
      const late = saas(at(PAID, 5 * DAY_MS + 1));
      expect(late).toMatchObject({
        outcome: 'ineligible',
        refundAmount: 0,
        clauses: ['saas.guarantee-window', 'refund.contact-provider'],
        actions: ['contact_provider'],
      });
    });

    it('refunds the cash paid, not the voucher, and asks for the invoice back', () => {
      const d = saas(at(PAID, DAY_MS), { voucherAmount: 5000, invoiceIssued: true });
      expect(d).toMatchObject({
        refundAmount: 14900,
        clauses: ['saas.guarantee-window', 'refund.cash-only', 'refund.return-invoice'],
        actions: ['return_invoice'],
      });
    });

    it('judges as of the application time, not the time the agent looks', () => {
      const d = decideInput(
        { ...base, productType: 'saas', requestedAt: at(PAID, DAY_MS) },
        Date.parse('2027-01-01T00:00:00Z'),
      );
      expect(d.outcome).toBe('eligible');
    });

    it('uses the current time when the application time is unknown, and says so', () => {
      const now = Date.parse(PAID) + 2 * DAY_MS;
      const d = decideInput({ ...base, productType: 'saas' }, now);
      expect(d).toMatchObject({
        outcome: 'eligible',
        requestedAtAssumed: true,
        requestedAt: new Date(now).toISOString(),
      });
    });

    it('asks for the payment time, then the amount', () => {
      expect(decideInput({ productType: 'saas', requestedAt: PAID }).missing).toEqual([
        'orderAmount',
        'paidAt',
      ]);
      expect(decideInput({ productType: 'saas', paidAt: PAID, requestedAt: PAID })).toMatchObject({
        outcome: 'needs_info',
        refundAmount: null,
        missing: ['orderAmount'],
        windowClosesAt: '2026-03-06T04:00:00.000Z',
      });
    });

    it('does not ask for the amount once the refund is ruled out', () => {
      const d = decideInput({ productType: 'saas', paidAt: PAID, requestedAt: at(PAID, 6 * DAY_MS) });
      expect(d).toMatchObject({ outcome: 'ineligible', missing: [], refundAmount: 0 });
    });
  });

  describe('machine images', () => {
    const image = (extra: object, requestedAt = at(PAID, DAY_MS)) =>
      decideInput({ ...base, productType: 'image', requestedAt, ...extra });

    it('refunds an unused subscription image inside 5 days', () => {
      expect(image({ billingMethod: 'subscription', imageInUse: false })).toMatchObject({
        outcome: 'eligible',
        clauses: ['image.subscription-window'],
        windowClosesAt: '2026-03-06T04:00:00.000Z',
      });
    });

    it('makes an image in use conditional on backup, then stop or OS change, before the window closes', () => {
      expect(image({ billingMethod: 'subscription', imageInUse: true, invoiceIssued: true })).toMatchObject({
        outcome: 'conditional',
        refundAmount: 19900,
        clauses: ['image.subscription-window', 'image.in-use', 'refund.return-invoice'],
        actions: ['backup_data', 'stop_instance_or_replace_os', 'return_invoice'],
        windowClosesAt: '2026-03-06T04:00:00.000Z',
      });
    });

    it('refuses a subscription image after 5 days whether or not it is in use, without asking', () => {
      const d = image({ billingMethod: 'subscription' }, at(PAID, 5 * DAY_MS + 1));
      expect(d).toMatchObject({
        outcome: 'ineligible',
        clauses: ['image.subscription-window', 'refund.contact-provider'],
      });
    });

    it('never refunds a pay-as-you-go image and asks nothing else', () => {
      const d = decideInput({ productType: 'image', billingMethod: 'pay_as_you_go' });
      expect(d).toMatchObject({
        outcome: 'ineligible',
        clauses: ['image.pay-as-you-go', 'refund.contact-provider'],
        windowClosesAt: null,
        missing: [],
      });
    });

    it('asks for the billing method first, and whether the image is in use only while it could matter', () => {
      expect(image({}).missing).toEqual(['billingMethod', 'imageInUse']);
      expect(image({ billingMethod: 'subscription' }).missing).toEqual(['imageInUse']);
      expect(image({}, at(PAID, 10 * DAY_MS)).missing).toEqual(['billingMethod']);
    });
  });

  describe('api and download products', () => {
    it('are never refundable, whatever else is known', () => {
      expect(decideInput({ productType: 'api' })).toMatchObject({
        outcome: 'ineligible',
        refundAmount: 0,
        clauses: ['delivery.api-or-download', 'refund.contact-provider'],
        actions: ['contact_provider'],
        missing: [],
        windowClosesAt: null,
      });
    });
  });

  describe('communication duration packages', () => {
    const rtc = (extra: object, requestedAt = at(PAID, DAY_MS)) =>
      decideInput({ ...base, productType: 'rtc_package', requestedAt, ...extra });

    it('unsubscribes an unused package within 7 days', () => {
      expect(rtc({ consumedMinutes: 0 })).toMatchObject({
        outcome: 'eligible',
        clauses: ['rtc.unsubscribe-window'],
        windowClosesAt: '2026-03-08T04:00:00.000Z',
      });
      expect(rtc({ consumedMinutes: 0 }, at(PAID, 7 * DAY_MS)).outcome).toBe('eligible');
    });

    it('names every clause that rules it out and does not send the customer to a provider', () => {
      const d = rtc({ consumedMinutes: 3, expiresAt: at(PAID, 2 * DAY_MS) }, at(PAID, 7 * DAY_MS + 1));
      expect(d).toMatchObject({
        outcome: 'ineligible',
        clauses: ['rtc.unsubscribe-window', 'rtc.consumed', 'rtc.expired'],
        actions: [],
      });
    });

    it.runIf(firstReading)(
      'treats the expiry instant as unexpired and closes the window there when it comes first',
      () => {
        const expiresAt = at(PAID, 3 * DAY_MS);
        expect(rtc({ consumedMinutes: 0, expiresAt }, expiresAt)).toMatchObject({
          outcome: 'eligible',
          windowClosesAt: expiresAt,
        });
        expect(rtc({ consumedMinutes: 0, expiresAt }, at(expiresAt, 1)).clauses).toEqual(['rtc.expired']);
      },
    );

    it('refuses on any consumption without asking for the payment time', () => {
      expect(decideInput({ productType: 'rtc_package', consumedMinutes: 0.25 })).toMatchObject({
        outcome: 'ineligible',
        clauses: ['rtc.consumed'],
        missing: [],
      });
      expect(rtc({}).missing).toEqual(['consumedMinutes']);
    });
  });

  describe('an unknown product kind', () => {
    it('asks for the kind first', () => {
      expect(decideInput({}).missing).toEqual(['productType', 'orderAmount', 'paidAt']);
      expect(decideInput({ orderAmount: 1, paidAt: PAID, requestedAt: PAID }).missing).toEqual([
        'productType',
      ]);
    });
  });

  describe('other currencies', () => {
    it('keeps the currency and its minor units', () => {
      const d = decideInput({
        productType: 'saas',
        paidAt: PAID,
        requestedAt: PAID,
        orderAmount: 1999,
        currency: 'USD',
      });
      expect(d).toMatchObject({ currency: 'USD', refundAmount: 1999 });
    });
  });
});
