import { PolicyBook, type Policy } from './policy';
import type { PolicyRevisionData } from './schema';
import type { Wording } from './wording';

/**
 * The rule book as data (refund-policy.md). v1 is in force from the start of the policy's
 * years; v1.1 is an erratum of v1, so it keeps v1's in-force instant and judges every v1 case
 * unless a caller names revision v1 to reproduce a first-reading decision.
 */
const V1: PolicyRevisionData = {
  version: 'v1',
  revision: 'v1',
  inForceFrom: '2000-01-01T00:00:00+08:00',
  windows: { saasGuaranteeDays: 5, imageSubscriptionDays: 5, rtcUnsubscribeDays: 7, silenceMonths: 3 },
  exclusions: [
    { fact: 'noServiceRequest', afterSilence: true },
    { fact: 'infoWithheld', afterSilence: true },
    { fact: 'scopeExceeded', afterSilence: false },
    { fact: 'feedbackOverdue', afterSilence: true },
    { fact: 'legalViolation', afterSilence: false },
  ],
  packageValidity: 'inclusive',
  instantPrecision: 'millisecond',
  usage: {
    factors: [
      { type: 'audio', maxResolution: null, factor: 0.25 },
      { type: 'video', maxResolution: 360, factor: 0.5 },
      { type: 'video', maxResolution: 720, factor: 1 },
      { type: 'video', maxResolution: 1080, factor: 3.75 },
    ],
    relayDefaultProfile: '16IN_1080P',
    relayDefaultProfileFrom: '2020-06-01T23:00:00+08:00',
    splitAtBoundaries: false,
  },
  // The first reading had no item-lapsed exclusion: feedback-overdue covered a lapsed item too,
  // and said so to the agent.
  wording: {
    clauses: {
      'exclusion.feedback-overdue': {
        en: 'No full refund when the customer gave no feedback or confirmation on delivered work for more than {silenceMonths} months, or a service item lapsed because the customer did not answer in time.',
        zh: '客户超过 {silenceMonths} 个月未对交付成果给出反馈或确认，或因客户未及时反馈导致服务项过期的，不支持全额退款。',
      },
    },
    questions: {
      'exclusions.feedbackOverdue': {
        en: {
          question:
            'Did the customer leave delivered work without feedback for over {silenceMonths} months, or let a service item lapse?',
          hint: 'Check the confirmation steps in the supervision system.',
        },
        zh: {
          question: '客户是否超过 {silenceMonths} 个月未反馈交付成果，或因未及时反馈导致服务项过期？',
          hint: '查看服务监管系统中的确认环节。',
        },
      },
    },
    factLabels: {
      'exclusions.feedbackOverdue': {
        en: 'No feedback on delivered work, or a lapsed item',
        zh: '客户未反馈交付成果或服务项过期',
      },
    },
  },
};

const V1_1: PolicyRevisionData = {
  ...V1,
  revision: 'v1.1',
  exclusions: [
    { fact: 'noServiceRequest', afterSilence: true },
    { fact: 'infoWithheld', afterSilence: true },
    { fact: 'scopeExceeded', afterSilence: false },
    { fact: 'feedbackOverdue', afterSilence: true },
    { fact: 'itemLapsed', afterSilence: false },
    { fact: 'legalViolation', afterSilence: false },
  ],
  packageValidity: 'half-open',
  instantPrecision: 'written',
  usage: { ...V1.usage, splitAtBoundaries: true },
  // The newest wording is this revision's own (clauses.ts, questions.ts, the catalogue).
  wording: {},
};

export const RULE_BOOK = new PolicyBook([V1, V1_1]);

/** The wording of a decision that decide() made with `judgedBy` as its policy (the book unless told). */
export function wordingOf(
  decision: { policyRevision?: string | undefined },
  judgedBy: Policy | PolicyBook = RULE_BOOK,
): Wording {
  return judgedBy instanceof PolicyBook ? judgedBy.wordingOf(decision) : judgedBy.wording;
}
