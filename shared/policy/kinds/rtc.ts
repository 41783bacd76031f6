import type { FactId } from '../../model/catalogue';
import type { ClauseId } from '../../model/clause-ids';
import { addDays, type Instant } from '../time';
import { refusedOrUndetermined, type KindRules } from './verdict';

export const RTC_UNSUBSCRIBE_DAYS = 7;

export const rtcRules: KindRules = ({ paidAt, requestedAt, consumedMinutes, expiresAt }) => {
  const unsubscribeEndsAt = paidAt === undefined ? undefined : addDays(paidAt, RTC_UNSUBSCRIBE_DAYS);
  // A package that expires before its 7 days are up closes the window early; the expiry
  // instant itself still counts as unexpired.
  const windowClosesAt = earliest(unsubscribeEndsAt, expiresAt);

  const refusals: ClauseId[] = [];
  if (unsubscribeEndsAt !== undefined && requestedAt > unsubscribeEndsAt) {
    refusals.push('rtc.unsubscribe-window');
  }
  if (consumedMinutes !== undefined && consumedMinutes > 0) refusals.push('rtc.consumed');
  if (expiresAt !== undefined && expiresAt < requestedAt) refusals.push('rtc.expired');

  const missing: FactId[] = [];
  if (paidAt === undefined) missing.push('paidAt');
  if (consumedMinutes === undefined) missing.push('consumedMinutes');

  return (
    refusedOrUndetermined(refusals, missing, windowClosesAt) ?? {
      kind: 'refund',
      clauses: ['rtc.unsubscribe-window'],
      conditions: [],
      windowClosesAt: windowClosesAt as Instant,
    }
  );
};

function earliest(a: Instant | undefined, b: Instant | undefined): Instant | null {
  if (a === undefined) return b ?? null;
  return b === undefined ? a : Math.min(a, b);
}
