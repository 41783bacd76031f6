import { addNote, createCase, recordDecision, type CaseStore } from '../../store';
import type { Outcome } from '../../../shared/model/decision';
import { sampleCase } from '../../store/test-support/temp-store';

/** HTML that would run or restyle the report if any field were not escaped. */
export const INJECTION = `<script>alert(1)</script><b style="color:red">bold</b>&amp;`;
export const CHINESE_NAME = '王小明';
export const ARABIC_NAME = 'محمد العربي';
export const EMOJI = '🙂🚀';

/** A 4,000-character note whose last words must still be in the report. */
export const LONG_NOTE = `${'The customer explained the case at length. '.repeat(92)}END-OF-NOTE`.padEnd(
  4000,
  '.',
);

/**
 * A decided case with every hard part at once: HTML in every free-text field, names in
 * Chinese, Arabic and emoji, an override with its reason, a long note, and a re-decision.
 */
export function hostileCase(store: CaseStore): string {
  const ref = createCase(
    store,
    sampleCase({
      customer: {
        name: `${CHINESE_NAME} ${ARABIC_NAME} ${EMOJI} ${INJECTION}`,
        accountId: `acc-${INJECTION}`,
        contact: `mail-${INJECTION}`,
      },
      orderId: `O-${INJECTION}`,
      productName: `Product ${INJECTION}`,
      provider: `Provider ${INJECTION}`,
      facts: {
        productType: 'saas',
        paidAt: '2026-03-01T10:00:00+08:00',
        requestedAt: '2026-03-02T09:30:00+08:00',
        orderAmount: 19900,
        voucherAmount: 2500,
        currency: 'CNY',
        invoiceIssued: true,
      },
    }),
    'ann',
  ).detail.summary.ref;
  recordDecision(store, { ref, agent: `Mei Lin ${INJECTION}`, note: LONG_NOTE });
  recordDecision(store, {
    ref,
    agent: 'Mei Lin',
    override: { outcome: 'ineligible', justification: `Duplicate order ${INJECTION}` },
  });
  recordDecision(store, { ref, agent: '陈静', note: 'Confirmed with the provider.' });
  addNote(store, ref, 'ann', `Called back ${INJECTION}`);
  return ref;
}

/** The four outcomes, each a machine image decided once (a needs-info case still lacks facts). */
export const OUTCOME_FACTS = {
  eligible: { billingMethod: 'subscription', imageInUse: false },
  conditional: { billingMethod: 'subscription', imageInUse: true, invoiceIssued: true },
  ineligible: { billingMethod: 'pay_as_you_go' },
  needs_info: {},
} as const;

/**
 * A case decided as `outcome` on a 4,681.99 order (10.00 of it by voucher), and with `override` recorded so instead;
 * returns its ref.
 */
export function outcomeCase(
  store: CaseStore,
  outcome: keyof typeof OUTCOME_FACTS,
  override?: { outcome: Outcome; justification: string },
): string {
  const ref = createCase(
    store,
    sampleCase({
      orderId: `O-${outcome}${override === undefined ? '' : `-as-${override.outcome}`}`,
      facts: {
        productType: 'image',
        paidAt: '2026-03-01T10:00:00+08:00',
        requestedAt: '2026-03-02T09:30:00+08:00',
        orderAmount: 468199,
        voucherAmount: 1000,
        currency: 'CNY',
        invoiceIssued: false,
        ...OUTCOME_FACTS[outcome],
      },
    }),
    'ann',
  ).detail.summary.ref;
  recordDecision(store, { ref, agent: 'Mei Lin', override });
  return ref;
}
