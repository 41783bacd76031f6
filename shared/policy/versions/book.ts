import { PolicyBook } from './policy';
import type { PolicyRevisionData } from './schema';

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
};

export const RULE_BOOK = new PolicyBook([V1, V1_1]);
