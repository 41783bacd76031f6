import type { FactId } from '../../model/catalogue';
import type { ClauseId } from '../../model/clause-ids';
import { isLater, type Instant } from '../time';
import { refusedOrUndetermined, type KindRules } from './verdict';

export const rtcRules: KindRules = (
  { paidAt, paidAtSub, requestedAt, requestedAtSub, consumedMinutes, expiresAt, expiresAtSub },
  policy,
) => {
  const unsubscribeEndsAt = paidAt === undefined ? undefined : paidAt + policy.rtcUnsubscribeMs;
  // A package that expires before its unsubscribe days are up closes the window early.
  const windowClosesAt = earliest(unsubscribeEndsAt, expiresAt);

  const refusals: ClauseId[] = [];
  if (unsubscribeEndsAt !== undefined && isLater(requestedAt, requestedAtSub, unsubscribeEndsAt, paidAtSub)) {
    refusals.push('rtc.unsubscribe-window');
  }
  if (consumedMinutes !== undefined && consumedMinutes > 0) refusals.push('rtc.consumed');
  // v1.1: the validity span is half-open, so the expiry instant itself is expired; v1 read it
  // as still valid.
  if (
    expiresAt !== undefined &&
    (isLater(requestedAt, requestedAtSub, expiresAt, expiresAtSub) ||
      (policy.expiredAtExpiry && requestedAt === expiresAt && requestedAtSub === expiresAtSub))
  ) {
    refusals.push('rtc.expired');
  }

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
