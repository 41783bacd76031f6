import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/model/case';
import { DashboardQuerySchema } from '../../shared/model/dashboard';
import { OUTCOMES, refunds, type Outcome } from '../../shared/model/decision';
import { EXPORT_COLUMNS, ExportFilterSchema } from '../../shared/model/export';
import type { Facts } from '../../shared/model/facts';
import { formatMoney } from '../../shared/model/money';
import { QueueQuerySchema } from '../../shared/model/queue';
import { cashPaid, caseDecisionOfRecord, decisionOfCase, recordedAmount } from '../../shared/policy/recorded';
import { replyValues } from '../../shared/policy/replies/variables';
import { caseReportHtml } from '../reports';
import {
  answerApproval,
  createCase,
  dashboardFigures,
  exportPages,
  exportQuery,
  getCase,
  joinTeam,
  listApprovals,
  listCases,
  periodAggregates,
  recordDecision,
  rememberTeamPolicy,
  updateFacts,
  type CaseStore,
} from '../store';
import { sampleCase, START, tempStore } from '../store/test-support/temp-store';

// Random cases, overrides, approvals and fact edits; then every surface that shows a case's
// decision of record must give the same outcome and amount: the case (decision screen, case
// view, history), the queue, the reply's variables, the case report, the export rows, the
// period report's walk, the dashboard's per-day figures and the approvals queue.

const DAY = 86_400_000;
const PAID_IN_WINDOW = '2026-03-01T10:00:00+08:00';
const PAID_LONG_AGO = '2026-01-01T10:00:00+08:00';

const factsArb = fc
  .record({
    productType: fc.constantFrom('saas', 'api', 'service' as const),
    paidAt: fc.constantFrom(PAID_IN_WINDOW, PAID_LONG_AGO),
    orderAmount: fc.integer({ min: 1, max: 500_000 }),
    voucherShare: fc.integer({ min: 0, max: 100 }),
    currency: fc.constantFrom('CNY', 'USD'),
    invoiceIssued: fc.constantFrom(true, false, undefined),
  })
  .map(({ voucherShare, invoiceIssued, ...facts }): Facts => ({
    ...facts,
    productType: facts.productType as Facts['productType'],
    voucherAmount: Math.floor((facts.orderAmount * voucherShare) / 200),
    ...(invoiceIssued === undefined ? {} : { invoiceIssued }),
  }));

type Step =
  | { kind: 'decide'; override: { outcome: Outcome; share: number | null } | null }
  | { kind: 'edit'; orderAmount: number }
  | { kind: 'answer'; grant: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('decide' as const),
    override: fc.option(
      fc.record({
        outcome: fc.constantFrom(...OUTCOMES),
        // The share of the cash paid the override refunds (percent); null: the default.
        share: fc.option(fc.integer({ min: 0, max: 100 })),
      }),
    ),
  }),
  fc.record({ kind: fc.constant('edit' as const), orderAmount: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({ kind: fc.constant('answer' as const), grant: fc.boolean() }),
);

const scenarioArb = fc.record({
  team: fc.boolean(),
  cases: fc.array(fc.record({ facts: factsArb, steps: fc.array(stepArb, { maxLength: 4 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
});

function play(store: CaseStore, ref: string, step: Step): void {
  const detail = getCase(store, ref);
  const revision = detail.summary.revision;
  if (step.kind === 'edit') {
    const voucherAmount = Math.min(detail.facts.voucherAmount ?? 0, step.orderAmount);
    updateFacts(
      store,
      ref,
      { ...detail.facts, orderAmount: step.orderAmount, voucherAmount },
      'mei',
      revision,
    );
  } else if (step.kind === 'answer') {
    if (!detail.decisions.some((record) => record.approval?.state === 'waiting')) return;
    // The lead of this desktop answers; the agent who decided was 'mei'.
    rememberTeamPolicy(store, { member: { name: 'lin', role: 'lead' }, thresholds: { CNY: 100_000 } });
    answerApproval(store, { ref, lead: 'lin', grant: step.grant, reason: 'checked', revision });
    rememberTeamPolicy(store, { member: { name: 'mei', role: 'agent' }, thresholds: { CNY: 100_000 } });
  } else {
    if (detail.decisions.some((record) => record.approval?.state === 'waiting')) return;
    const paid = cashPaid(detail.facts) ?? 0;
    const override =
      step.override === null
        ? undefined
        : {
            outcome: step.override.outcome,
            justification: 'checked with the provider by phone today',
            ...(step.override.share === null || !refunds(step.override.outcome)
              ? {}
              : { amount: Math.floor((paid * step.override.share) / 100) }),
          };
    recordDecision(store, {
      ref,
      agent: 'mei',
      revision,
      override,
      duplicateRefund: { justification: 'a separate payment' },
    });
  }
}

const exportRows = (store: CaseStore) => {
  const query = exportQuery(ExportFilterSchema.parse({}), 'iso');
  const column = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
  const rows = new Map<string, { outcome: unknown; amount: unknown; clauses: unknown; stale: unknown }>();
  for (const page of exportPages(store, query, 100))
    for (const row of page)
      rows.set(row[column('ref')] as string, {
        outcome: row[column('outcome')],
        amount: row[column('refundAmount')],
        clauses: row[column('clauses')],
        stale: row[column('stale')],
      });
  return rows;
};

/** Cash by currency, as the figures count it (an amount not known yet counts nothing). */
function expectedCash(details: CaseDetail[]): Map<string, number> {
  const cash = new Map<string, number>();
  for (const detail of details) {
    const record = caseDecisionOfRecord(detail);
    if (record === null || !refunds(record.outcome) || !record.refundAmount) continue;
    cash.set(record.currency, (cash.get(record.currency) ?? 0) + (record.refundAmount ?? 0));
  }
  return cash;
}

const cashOf = (rows: { currency: string; amount: number }[]) =>
  new Map(rows.filter((row) => row.amount !== 0).map((row) => [row.currency, row.amount]));

async function checkEverySurface(store: CaseStore, refs: string[]): Promise<void> {
  const details = refs.map((ref) => getCase(store, ref));
  const queue = new Map(
    listCases(store, QueueQuerySchema.parse({ limit: 500 })).items.map((item) => [item.ref, item]),
  );
  const exported = exportRows(store);
  for (const detail of details) {
    const ref = detail.summary.ref;
    const record = caseDecisionOfRecord(detail);
    expect(queue.get(ref)!.latestOutcome, `${ref} queue`).toBe(record?.outcome ?? null);
    expect(queue.get(ref)!.stale, `${ref} queue stale`).toBe(record?.stale ?? false);
    expect(exported.get(ref), `${ref} export`).toEqual(
      record === null
        ? { outcome: null, amount: null, clauses: null, stale: null }
        : {
            outcome: record.outcome,
            amount: record.refundAmount,
            // The clauses the record stands on (an override's own), as one cell; none is empty.
            clauses: record.clauses.length === 0 ? null : record.clauses.join(';'),
            stale: String(record.stale),
          },
    );
    if (record === null) continue;
    // The reply's variables and the case report read the same record.
    const reply = replyValues(detail, decisionOfCase(detail, START), 'en', 'mei');
    const amount =
      record.refundAmount === null
        ? null
        : formatMoney({ amount: record.refundAmount, currency: record.currency });
    expect(reply.amount, `${ref} reply`).toBe(refunds(record.outcome) && amount !== null ? amount : '');
    const report = await caseReportHtml(
      { detail, messages: [], auditHead: null, storeFile: 'cases.sqlite', printedAt: START },
      { language: 'en', paper: 'a4' },
    );
    const cash =
      record.refundAmount === null
        ? '—'
        : formatMoney({ amount: record.refundAmount, currency: record.currency });
    expect(report, `${ref} case report`).toContain(`<span class="lead">${cash}</span>`);
  }
  const cash = expectedCash(details);
  const range = { from: 0, to: START + 30 * DAY };
  expect(cashOf(periodAggregates(store, range, null).cashRefunded), 'period report').toEqual(cash);
  const days = dashboardFigures(store, DashboardQuerySchema.parse({ from: '2026-02-20', to: '2026-03-20' }));
  expect(cashOf(days.cashRefunded), 'dashboard').toEqual(cash);
  for (const item of listApprovals(store)) {
    const record = getCase(store, item.ref).decisions.find((each) => each.id === item.decisionId)!;
    expect(item.refundAmount, `${item.ref} approvals`).toBe(recordedAmount(record));
  }
}

describe('the decision of record', () => {
  it('gives every surface the same outcome and amount, whatever was overridden, approved or edited', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ team, cases }) => {
        const env = tempStore();
        try {
          if (team) {
            joinTeam(env.store, 'mei');
            rememberTeamPolicy(env.store, {
              member: { name: 'mei', role: 'agent' },
              thresholds: { CNY: 100_000 },
            });
          }
          const refs = cases.map(
            ({ facts }, i) =>
              createCase(env.store, sampleCase({ orderId: `O-${i}`, facts }), 'mei').detail.summary.ref,
          );
          cases.forEach(({ steps }, i) => {
            for (const step of steps) {
              play(env.store, refs[i]!, step);
              env.clock.advance(3_600_000);
            }
          });
          await checkEverySurface(env.store, refs);
        } finally {
          env.cleanup();
        }
      }),
      // Bounded: about half a second a run, most of it the case reports' fonts.
      { numRuns: 20 },
    );
  }, 120_000);
});
