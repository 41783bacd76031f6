import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrinter, type Printer } from '../print';
import { getCase } from '../store';
import { tempStore } from '../store/test-support/temp-store';
import type { Language } from '../../shared/model/languages';
import { caseReportData, caseReportHtml } from '.';
import { CASE_LABELS } from './case-labels';
import { OUTCOME_FACTS, outcomeCase } from './test-support/cases';
import { pdfInfo, pdfText } from './test-support/pdf-text';

// How the printed pages read: what a lead signs. Each outcome and language, page by page.
let temp: ReturnType<typeof tempStore>;
let printer: Printer;
const refs = new Map<string, string>();
const OUTCOMES = Object.keys(OUTCOME_FACTS) as (keyof typeof OUTCOME_FACTS)[];
const LANGUAGES: Language[] = ['en', 'zh'];

beforeAll(async () => {
  temp = tempStore();
  for (const outcome of OUTCOMES) refs.set(outcome, outcomeCase(temp.store, outcome));
  refs.set(
    'needs_info override',
    outcomeCase(temp.store, 'eligible', { outcome: 'needs_info', justification: 'Ask for the invoice.' }),
  );
  printer = await openPrinter();
});
afterAll(async () => {
  await printer?.close();
  temp?.cleanup();
});

/** The report's pages, each as pdftotext reads it. */
async function pages(ref: string, language: Language): Promise<string[]> {
  const pdf = await printer.pdf(
    await caseReportHtml(caseReportData(temp.store, ref), { language, paper: 'a4' }),
  );
  const count = pdfInfo(pdf).pages;
  return Array.from({ length: count }, (_, i) => pdfText(pdf, { page: i + 1 }));
}

describe.each(LANGUAGES)('the case report’s pages (%s)', (language) => {
  const l = CASE_LABELS[language];

  it.each(OUTCOMES)('keep the sign-off with the audit trail, never alone on a page (%s)', async (outcome) => {
    const printed = await pages(refs.get(outcome)!, language);
    const signing = printed.filter((page) => page.includes(l.signOff));
    expect(signing).toHaveLength(1);
    expect(signing[0]).toContain(l.audit);
    expect(signing[0]).toContain('verify-audit');
  });

  it.each(OUTCOMES)(
    'print each rule id whole and the money the rules read as money (%s)',
    async (outcome) => {
      const text = (await pages(refs.get(outcome)!, language)).join('\n');
      const trace = getCase(temp.store, refs.get(outcome)!).decisions.at(-1)!.decision.trace!;
      for (const step of trace.steps) expect(text).toContain(step.rule);
      expect(text).not.toContain('468199');
      if (trace.steps.some((step) => 'orderAmount' in step.read))
        expect(text).toContain('orderAmount = CNY 4,681.99');
    },
  );

  it.each(['needs_info', 'needs_info override'])(
    'show for a needs-info case no cash refund and no empty heading (%s)',
    async (which) => {
      const text = (await pages(refs.get(which)!, language)).join('\n');
      const decision = text.slice(text.indexOf(l.decision), text.indexOf(l.facts));
      expect(decision).not.toContain(l.cashRefund);
      expect(decision).not.toContain(l.actions);
      expect(text).not.toContain('CNY 0.00');
      expect(text).not.toContain(l.clauses);
    },
  );

  it('writes an apostrophe with no space after it', async () => {
    const text = (await pages(refs.get('ineligible')!, language)).join('\n').replace(/\s+/g, ' ');
    expect(text).not.toMatch(/’ s\b/);
    if (language === 'en') expect(text).toContain('Contact the product’s provider');
  });
});
