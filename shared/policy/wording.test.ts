import { describe, expect, it } from 'vitest';
import type { Decision } from '../model/decision';
import { decide } from './decide';
import { counterfactualHints } from './hints';
import { renderDecisionText } from './explain';
import { parseFacts } from './parse-facts';
import { decideUnder, NOW, PAID } from './test-support';
import { InvalidPolicyError, loadPolicy, RULE_BOOK, wordingOf } from './versions';

// Under v1 a lapsed item was part of feedback-overdue: what the agent reads must say so, or a
// first-reading decision cites a clause whose text leaves out why the refund was refused.
const v1 = decideUnder('v1');
// The newest texts as an agent reads them, the revision's windows filled in.
const { clauses: CLAUSE_TEXTS, questions: FACT_QUESTIONS } = RULE_BOOK.revision('v1.1').wording;
const v1_1 = decideUnder('v1.1');

const overdue = {
  productType: 'service',
  paidAt: PAID,
  requestedAt: '2026-07-01T12:00:00+08:00',
  orderAmount: 50000,
  serviceStatus: 'in_progress',
  guaranteeEndsAt: '2026-12-31T23:59:59+08:00',
  exclusions: {
    noServiceRequest: false,
    infoWithheld: false,
    scopeExceeded: false,
    feedbackOverdue: true,
    legalViolation: false,
  },
} as const;
const { feedbackOverdue: _asked, ...otherExclusions } = overdue.exclusions;

const reasonOf = (decision: Decision) =>
  decision.reasons.find((reason) => reason.clause === 'exclusion.feedback-overdue')?.text;

describe('each revision is read in its own words', () => {
  it('cites feedback-overdue under v1 with the lapsed item it then covered', () => {
    expect(reasonOf(v1(overdue))).toMatch(/service item lapsed/);
    expect(reasonOf(v1_1(overdue))).toBe(CLAUSE_TEXTS['exclusion.feedback-overdue'].en);
    expect(reasonOf(v1_1(overdue))).not.toMatch(/lapsed/);
  });

  it('writes the reasons in Chinese in the revision’s words too', () => {
    const facts = parseFacts(overdue, NOW);
    if (!facts.ok) throw new Error(facts.error.message);
    const inChinese = (revision: string) =>
      reasonOf(decide(facts.facts, { now: NOW, language: 'zh', policy: RULE_BOOK.revision(revision) }));
    expect(inChinese('v1')).toMatch(/服务项过期/);
    expect(inChinese('v1.1')).toBe(CLAUSE_TEXTS['exclusion.feedback-overdue'].zh);
  });

  it('asks the feedback question under v1 with the lapsed item in it', () => {
    const asking = v1({ ...overdue, exclusions: otherExclusions });
    expect(asking.missing[0]).toBe('exclusions.feedbackOverdue');
    const v1Question = RULE_BOOK.revision('v1').wording.questions['exclusions.feedbackOverdue'].en.question;
    expect(v1Question).toMatch(/lapse/);
    expect(renderDecisionText(asking)).toContain(v1Question);
    const newest = v1_1({ ...overdue, exclusions: { ...otherExclusions, itemLapsed: false } });
    expect(renderDecisionText(newest)).toContain(FACT_QUESTIONS['exclusions.feedbackOverdue'].en.question);
    expect(renderDecisionText(newest)).not.toContain(v1Question);
  });

  it('words a hint under v1 with v1’s label of the fact', () => {
    const facts = parseFacts(overdue, NOW);
    if (!facts.ok) throw new Error(facts.error.message);
    const policy = RULE_BOOK.revision('v1');
    const hint = counterfactualHints(facts.facts, { now: NOW, policy }).find(
      (h) => h.fact === 'exclusions.feedbackOverdue',
    );
    expect(hint?.text).toContain(policy.wording.factLabels['exclusions.feedbackOverdue'].en);
    expect(hint?.text).toMatch(/lapsed item/);
  });

  it('reads a stored decision in the words of the revision it names (none: v1)', () => {
    expect(wordingOf({ policyRevision: 'v1' }).clauses['exclusion.feedback-overdue'].en).toMatch(/lapsed/);
    expect(wordingOf({}).clauses['exclusion.feedback-overdue'].en).toMatch(/lapsed/);
    expect(wordingOf({ policyRevision: 'v1.1' }).clauses).toEqual(CLAUSE_TEXTS);
    expect(wordingOf({ policyRevision: 'some-draft' }).questions).toEqual(FACT_QUESTIONS);
  });

  it('lets a draft reword a clause, and refuses wording that is not text in every language', () => {
    const base = RULE_BOOK.revision('v1.1').data;
    const draft = loadPolicy({
      ...base,
      revision: 'draft',
      wording: { clauses: { 'saas.guarantee-window': { en: 'Seven days.', zh: '七天。' } } },
    });
    expect(wordingOf({ policyRevision: 'draft' }, draft).clauses['saas.guarantee-window'].en).toBe(
      'Seven days.',
    );
    expect(draft.wording.clauses['rtc.consumed']).toEqual(CLAUSE_TEXTS['rtc.consumed']);
    const missingZh = { ...base, wording: { clauses: { 'saas.guarantee-window': { en: 'x' } } } };
    expect(() => loadPolicy(missingZh)).toThrow(InvalidPolicyError);
    const unknownClause = { ...base, wording: { clauses: { 'saas.nope': { en: 'x', zh: 'y' } } } };
    expect(() => loadPolicy(unknownClause)).toThrow(/wording\.clauses/);
  });
});

describe('texts that name a window read it from their own revision', () => {
  const base = RULE_BOOK.revision('v1.1').data;
  const sevenDays = loadPolicy({
    ...base,
    revision: 'draft-saas-7d',
    windows: { ...base.windows, saasGuaranteeDays: 7, rtcUnsubscribeDays: 10, silenceMonths: 6 },
  });
  const saasFacts = { productType: 'saas', paidAt: PAID, orderAmount: 19900 } as const;

  it('says 7 days for a draft with a 7-day SaaS window, in both languages', () => {
    const clause = sevenDays.wording.clauses['saas.guarantee-window'];
    expect(clause.en).toContain('7-day guarantee');
    expect(clause.zh).toContain('7 天保障期');
    expect(clause.en).not.toMatch(/5-day|5 days/);
    expect(sevenDays.wording.clauses['rtc.unsubscribe-window'].zh).toContain('10 天');
    expect(sevenDays.wording.clauses['exclusion.no-service-request'].en).toContain('6 months');
    expect(sevenDays.wording.questions['exclusions.noServiceRequest'].zh.question).toContain('6 个月');
    for (const language of ['en', 'zh'] as const) {
      const facts = parseFacts(saasFacts, NOW);
      if (!facts.ok) throw new Error(facts.error.message);
      const decision = decide(facts.facts, { now: NOW, language, policy: sevenDays });
      expect(decision.reasons.map((reason) => reason.text)).toContain(clause[language]);
    }
  });

  it('leaves no placeholder in any text of any revision, and says 5 days under the book', () => {
    for (const policy of [...RULE_BOOK.revisions, sevenDays]) {
      expect(JSON.stringify(policy.wording)).not.toMatch(/\{\w+\}/);
    }
    expect(RULE_BOOK.newest().wording.clauses['saas.guarantee-window'].en).toContain('5-day guarantee');
  });
});
