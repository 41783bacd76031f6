import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { FACTS, type FactId } from '../shared/model/catalogue';
import { withFact, type FactKey, type Facts } from '../shared/model/facts';
import { decide } from '../shared/policy/decide';
import { RULE_BOOK } from '../shared/policy/versions';

// As the console shows them: the newest revision's texts, its windows filled in.
const FACT_QUESTIONS = RULE_BOOK.newest().wording.questions;

export interface NewCaseInput {
  customer: string;
  kind: string;
  /** Form field name → typed text (selects by value). */
  fields: Record<string, string>;
}

const isSelect = (name: string) =>
  Object.hasOwn(FACTS, name) && ['choice', 'yesno'].includes(FACTS[name as FactKey].input.kind);

/** Fills the new-case form as an agent would and returns the new case's ref. */
export async function createCase(page: Page, input: NewCaseInput): Promise<string> {
  await page.goto(page.url().replace(/#.*$/, '#/new'));
  await page.locator('#f-productType').selectOption(input.kind);
  const fields: Record<string, string> = {
    customerName: input.customer,
    accountId: `acc-${input.kind}`,
    orderId: `ORD-${input.kind.toUpperCase()}-1`,
    productName: `${input.kind} product`,
    provider: 'Northwind Cloud',
    ...input.fields,
  };
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`#f-${name}`);
    if (isSelect(name)) await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.locator('#decide-title').waitFor();
  return /#\/case\/(RC-\d+)\/decide/.exec(page.url())![1]!;
}

const BY_QUESTION = new Map(
  (Object.keys(FACT_QUESTIONS) as FactId[]).map((id) => [FACT_QUESTIONS[id].en.question, id]),
);

/**
 * Answers the guided questions one by one, checking that each one shown is exactly the first
 * fact decide() reports missing for what is known so far.
 */
export async function walkGuidedFlow(
  page: Page,
  known: Facts,
  answers: Partial<Record<FactId, { text: string; value: unknown }>>,
): Promise<FactId[]> {
  const asked: FactId[] = [];
  let facts = known;
  for (;;) {
    const expected = decide(facts, { now: Date.now() }).missing[0];
    if (expected === undefined) {
      await page.locator('.done').waitFor();
      return asked;
    }
    const question = page.locator('#question-text');
    await expect.poll(() => question.textContent()).toBe(FACT_QUESTIONS[expected].en.question);
    expect(BY_QUESTION.get((await question.textContent())!)).toBe(expected);
    // A date input also says which zone it reads (the policy zone by default).
    const zone = FACTS[expected].input.kind === 'instant' ? ' Read in UTC+08:00 (the policy zone).' : '';
    await expect
      .poll(() => page.locator('#question-hint').textContent())
      .toBe(`${FACT_QUESTIONS[expected].en.hint}${zone}`);
    const answer = answers[expected];
    if (answer === undefined) throw new Error(`no answer prepared for ${expected}`);
    const radio = page.locator(`input[type=radio][value="${answer.text}"]`);
    if ((await radio.count()) > 0) await radio.check();
    else await page.locator('#answer').fill(answer.text);
    await page.getByRole('button', { name: 'Save answer' }).click();
    asked.push(expected);
    facts = withFact(facts, expected, answer.value);
    // Wait for the store's answer (the next question, or none) before judging what comes next.
    await page.waitForFunction(
      (shown) => document.getElementById('question-text')?.textContent !== shown,
      FACT_QUESTIONS[expected].en.question,
    );
  }
}

export async function recordDecision(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.locator('#case-title').waitFor();
}
