import type { FactId } from '../../model/catalogue';
import type { ClauseId } from '../../model/clause-ids';
import { isLater, type Instant } from '../time';
import { refusedOrUndetermined, type KindRules } from './verdict';

export const rtcRules: KindRules = (
  { paidAt, paidAtSub, requestedAt, requestedAtSub, consumedMinutes, expiresAt, expiresAtSub },
  policy,
  trace,
) => {
  const unsubscribeEndsAt = paidAt === undefined ? undefined : paidAt + policy.rtcUnsubscribeMs;
  // A package that expires before its unsubscribe days are up closes the window early.
  const closedByExpiry =
    expiresAt !== undefined &&
    (unsubscribeEndsAt === undefined || isLater(unsubscribeEndsAt, paidAtSub, expiresAt, expiresAtSub));
  const windowClosesAt = (closedByExpiry ? expiresAt : unsubscribeEndsAt) ?? null;
  const windowClosesAtSub = closedByExpiry ? expiresAtSub : paidAtSub;

  const refusals: ClauseId[] = [];
  const afterUnsubscribe =
    unsubscribeEndsAt === undefined
      ? null
      : isLater(requestedAt, requestedAtSub, unsubscribeEndsAt, paidAtSub);
  trace?.step(
    'rtc.unsubscribe-window',
    ['paidAt', 'requestedAt'],
    afterUnsubscribe === null ? null : !afterUnsubscribe,
    unsubscribeEndsAt,
  );
  if (afterUnsubscribe === true) refusals.push('rtc.unsubscribe-window');
  const consumed = consumedMinutes === undefined ? null : consumedMinutes > 0;
  trace?.step('rtc.consumed', ['consumedMinutes'], consumed);
  if (consumed === true) refusals.push('rtc.consumed');
  // v1.1: the validity span is half-open, so the expiry instant itself is expired; v1 read it
  // as still valid. An unknown expiry is no expiry.
  const expired =
    expiresAt !== undefined &&
    (isLater(requestedAt, requestedAtSub, expiresAt, expiresAtSub) ||
      (policy.expiredAtExpiry && requestedAt === expiresAt && requestedAtSub === expiresAtSub));
  trace?.step('rtc.expired', ['expiresAt', 'requestedAt'], expired, expiresAt);
  if (expired) refusals.push('rtc.expired');

  const missing: FactId[] = [];
  if (paidAt === undefined) missing.push('paidAt');
  if (consumedMinutes === undefined) missing.push('consumedMinutes');

  return (
    refusedOrUndetermined(refusals, missing, windowClosesAt, windowClosesAtSub) ?? {
      kind: 'refund',
      clauses: ['rtc.unsubscribe-window'],
      conditions: [],
      windowClosesAt: windowClosesAt as Instant,
      windowClosesAtSub,
    }
  );
};
