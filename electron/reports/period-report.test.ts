import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrinter, type Printer } from '../print';
import { createCase, recordDecision } from '../store';
import { recordAsFirstReading } from '../store/test-support/first-reading';
import { sampleCase, START, tempStore } from '../store/test-support/temp-store';
import { OVERRIDES_LISTED_PER_AGENT, PeriodQuerySchema, type PeriodQuery } from '../../shared/model/period';
import { periodFigures, periodReportHtml } from '.';
import { INJECTION } from './test-support/cases';
import { KINDS } from '../../shared/model/catalogue';
import { money } from './facts';
import { PERIOD_LABELS } from './period-labels';
import { pdfInfo, pdfText } from './test-support/pdf-text';

// A lapsed service item six weeks after payment: refunded in full under v1, refused under v1.1.
const LAPSED = {
  productType: 'service',
  serviceStatus: 'in_progress',
  paidAt: '2026-03-01T10:00:00+08:00',
  requestedAt: '2026-04-12T10:00:00+08:00',
  guaranteeEndsAt: '2026-12-31T00:00:00+08:00',
  orderAmount: 50000,
  exclusions: { scopeExceeded: false, itemLapsed: true, legalViolation: false },
};

let temp: ReturnType<typeof tempStore>;
let printer: Printer;
let lapsedRef: string;
beforeAll(async () => {
  temp = tempStore();
  let orders = 0;
  // Each case its own order: a second refund on one order is refused without a reason.
  const open = (name: string, facts: object) =>
    createCase(
      temp.store,
      sampleCase({ customer: { name, accountId: 'a' }, orderId: `O-${++orders}`, facts: facts as never }),
      'ann',
    ).detail.summary.ref;
  // Recorded by an earlier release under v1, at the epoch (as that helper writes it).
  lapsedRef = open('Old', LAPSED);
  recordAsFirstReading(temp.store, lapsedRef, LAPSED, START);
  const ref = open(`王芳 ${INJECTION}`, { ...sampleCase().facts, requestedAt: '2026-03-02T09:00:00+08:00' });
  recordDecision(temp.store, {
    ref,
    agent: `Mei Lin ${INJECTION}`,
    override: { outcome: 'ineligible', justification: `Fraud check ${INJECTION}` },
  });
  printer = await openPrinter();
});
afterAll(async () => {
  await printer?.close();
  temp?.cleanup();
});

const figuresFor = (query: PeriodQuery) => periodFigures(temp.store, PeriodQuerySchema.parse(query));
const WHOLE = { from: '1970-01-01T00:00:00Z', to: '2026-03-03T00:00:00+08:00' };

describe('the period report', () => {
  it('names the cases the newest revision would decide differently', () => {
    const figures = figuresFor(WHOLE);
    expect(figures.decidedCases).toBe(2);
    expect(figures.newerRevision).toEqual({
      revision: 'v1.1',
      total: 1,
      cases: [
        {
          ref: lapsedRef,
          currency: 'CNY',
          before: { outcome: 'eligible', refundAmount: 50000, revision: 'v1' },
          after: { outcome: 'ineligible', refundAmount: 0, revision: 'v1.1' },
        },
      ],
    });
    expect(figuresFor({ ...WHOLE, replay: false }).newerRevision).toBeNull();
  });

  it('prints the same figures as HTML and PDF, charts with tables, the data as text', async () => {
    const figures = figuresFor({ from: '2026-03-01T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00' });
    expect(figures.decidedCases).toBe(1);
    const html = await periodReportHtml(figures, { language: 'en', paper: 'a4' });
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
    const text = pdfText(await printer.pdf(html)).replace(/\s+/g, ' ');
    expect(text).toContain('Refund decisions 2026-03-01 00:00 UTC+08:00 – 2026-03-03 00:00 UTC+08:00');
    expect(text).toContain('Decisions by outcome Not eligible 1');
    const rows = pdfText(await printer.pdf(html), { layout: true }).replace(/ +/g, ' ');
    expect(rows).toContain('Not eligible 1 100.0%');
    expect(rows).toContain('SaaS / software 1 100.0%');
    // A long cell may break anywhere, and pdftotext puts a space where it broke.
    // pdftotext also interleaves the lines of neighbouring cells, so the check is on a piece.
    expect(text.replace(/\s+/g, '')).toContain('Fraudcheck<script>alert(1)</script>');
    expect(text).toContain('page 1 of');
  });

  it('prints the cash refunded by product kind and by provider', async () => {
    const figures = figuresFor(WHOLE);
    expect(figures.cashByKind).toEqual([{ key: 'service', currency: 'CNY', amount: 50000, cases: 1 }]);
    const html = await periodReportHtml(figures, { language: 'en', paper: 'a4' });
    const rows = pdfText(await printer.pdf(html), { layout: true }).replace(/ +/g, ' ');
    expect(rows).toContain(`Cash refunded by product kind`);
    expect(rows).toContain(`${KINDS.service.label.en} CNY CNY 500.00 1`);
    expect(rows).toContain(`Cash refunded by provider`);
    expect(rows).toContain(`Acme Cloud CNY CNY 500.00 1`);
  });

  it('writes an empty period plainly, in Chinese too', async () => {
    const empty = figuresFor({ from: '2020-01-01T00:00:00+08:00', to: '2020-02-01T00:00:00+08:00' });
    expect(empty.decidedCases).toBe(0);
    const text = pdfText(await printer.pdf(await periodReportHtml(empty, { language: 'zh', paper: 'a4' })));
    expect(text).toContain('本期间内没有记录任何决定。');
  });

  it('refuses a period that ends before it starts, or instants without an offset', () => {
    expect(() => figuresFor({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toThrow(
      'to: the period must end after it starts (from)',
    );
    expect(() => figuresFor({ from: '2026-03-01', to: '2026-03-02T00:00:00Z' })).toThrow(/^from: /);
  });
});

describe('the period report’s pages', () => {
  // More providers push the later sections down the page, so one of them meets a page break.
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'keep the cash and the request-to-decision tables whole (%i more providers)',
    async (more) => {
      const figures = figuresFor(WHOLE);
      const byProvider = [
        ...figures.byProvider,
        ...Array.from({ length: more }, (_, i) => ({ key: `Provider ${i}`, n: 0 })),
      ];
      const pdf = await printer.pdf(
        await periodReportHtml({ ...figures, byProvider }, { language: 'en', paper: 'a4' }),
      );
      const pages = Array.from({ length: pdfInfo(pdf).pages }, (_, i) => pdfText(pdf, { page: i + 1 }));
      const l = PERIOD_LABELS.en;
      const cash = pages.filter((page) => page.includes(l.cash));
      expect(cash).toHaveLength(1);
      expect(figures.cashRefunded.length).toBeGreaterThan(0);
      for (const row of figures.cashRefunded) expect(cash[0]).toContain(money(row.amount, row.currency));
      const delay = pages.filter((page) => page.includes(l.delay));
      expect(delay).toHaveLength(1);
      expect(delay[0]).toContain(l.p90);
      expect(delay[0]).toContain(l.delayNote);
    },
  );
});

describe('the period report’s overrides', () => {
  const LISTED = OVERRIDES_LISTED_PER_AGENT;
  let many: ReturnType<typeof tempStore>;
  beforeAll(() => {
    many = tempStore();
    let orders = 0;
    // SaaS paid 30 days before: out of its window, so each recorded refund overrides the rules.
    const override = (agent: string, i: number) => {
      const ref = createCase(
        many.store,
        sampleCase({
          orderId: `O-many-${++orders}`,
          facts: { ...sampleCase().facts, paidAt: '2026-01-30T10:00:00+08:00' },
        }),
        'ann',
      ).detail.summary.ref;
      recordDecision(many.store, {
        ref,
        agent,
        override: { outcome: 'eligible', justification: `${agent} reason ${i}` },
      });
      many.clock.advance(60_000);
    };
    for (let i = 0; i < LISTED + 5; i++) override("Mei O'Lin", i);
    for (let i = 0; i < 2; i++) override('王芳', i);
  });
  afterAll(() => many?.cleanup());

  const period = { from: '2026-03-01T00:00:00+08:00', to: '2026-03-04T00:00:00+08:00', replay: false };

  it('lists each agent’s newest overrides, counts them all and says where the rest are', async () => {
    const figures = periodFigures(many.store, PeriodQuerySchema.parse(period));
    expect(figures.overridesByAgent.map((a) => [a.agent, a.n, a.overrides.length])).toEqual([
      ["Mei O'Lin", LISTED + 5, LISTED],
      ['王芳', 2, 2],
    ]);
    const html = await periodReportHtml(figures, { language: 'en', paper: 'a4' });
    expect(html.match(/<td class="long">Mei O&#39;Lin reason \d+<\/td>/g)).toHaveLength(LISTED);
    // Newest first: the last recorded is listed, the first five are not.
    expect(html).toContain(`Mei O&#39;Lin reason ${LISTED + 4}<`);
    expect(html).not.toContain('Mei O&#39;Lin reason 4<');
    const text = pdfText(await printer.pdf(html)).replace(/\s+/g, ' ');
    expect(text).toContain(`Mei O'Lin: ${LISTED + 5} overrides`);
    expect(text).toContain('And 5 more.');
    // Each override refunds the 199.00 paid where the rules refused: what they moved, per agent.
    const rows = pdfText(await printer.pdf(html), { layout: true }).replace(/ +/g, ' ');
    expect(rows).toContain('What overrides moved');
    expect(rows).toContain(`Mei O'Lin CNY ${money((LISTED + 5) * 19900, 'CNY')} ${LISTED + 5}`);
    expect(text.replace(/\s+/g, '')).toContain(
      `refund-consoleexport--from${period.from}--to${period.to}--decided-by'MeiO'\\''Lin'--overridden`,
    );
    expect(text).toContain('王芳: 2 overrides');
    expect(text.match(/more\./g)).toHaveLength(1);
  });

  it('says the same in Chinese', async () => {
    const figures = periodFigures(many.store, PeriodQuerySchema.parse(period));
    const text = pdfText(await printer.pdf(await periodReportHtml(figures, { language: 'zh', paper: 'a4' })));
    expect(text.replace(/\s+/g, '')).toContain(`MeiO'Lin：改判${LISTED + 5}次`);
    expect(text.replace(/\s+/g, '')).toContain('另有5次未列出。');
    expect(text.replace(/\s+/g, '')).toContain('王芳：改判2次');
  });
});
