import { DateTime } from 'luxon';
import { POLICY_ZONE, type Instant } from '../time';

/** An ISO calendar date such as "2026-03-01", read in the policy time zone. */
export type PolicyDay = string;

function inPolicyZone(instant: Instant): DateTime {
  return DateTime.fromMillis(instant, { zone: POLICY_ZONE });
}

/** The calendar day in the policy time zone on which the instant falls. */
export function policyDayOf(instant: Instant): PolicyDay {
  return inPolicyZone(instant).toISODate() ?? invalidInstant(instant);
}

/** The policy-zone calendar day after the one on which the instant falls. */
export function policyDayAfter(instant: Instant): PolicyDay {
  return inPolicyZone(instant).plus({ days: 1 }).toISODate() ?? invalidInstant(instant);
}

function invalidInstant(instant: Instant): never {
  throw new RangeError(`${instant} is not a representable instant`);
}
