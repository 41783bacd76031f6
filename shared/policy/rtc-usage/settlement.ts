import type { Instant } from '../time';
import { policyDayAfter, type PolicyDay } from './days';

/**
 * The day a call's bill is settled. Each day's usage (policy time zone) is settled in the early
 * hours (about 02:00) of the next day, so a call started at 23:59:59 is settled a day before
 * one started a second later.
 */
export function settlementDayOf(startedAt: Instant): PolicyDay {
  return policyDayAfter(startedAt);
}
