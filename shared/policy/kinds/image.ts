import type { FactId } from '../../model/catalogue';
import { isLater } from '../time';
import type { KindRules } from './verdict';

export const imageRules: KindRules = (
  { billingMethod, paidAt, paidAtSub, requestedAt, requestedAtSub, imageInUse },
  policy,
  trace,
) => {
  trace?.step(
    'image.pay-as-you-go',
    ['billingMethod'],
    billingMethod === undefined ? null : billingMethod === 'pay_as_you_go',
  );
  if (billingMethod === 'pay_as_you_go') {
    return { kind: 'refused', clauses: ['image.pay-as-you-go'], windowClosesAt: null };
  }
  const windowClosesAt = paidAt === undefined ? null : paidAt + policy.imageSubscriptionMs;
  const insideWindow =
    windowClosesAt === null || !isLater(requestedAt, requestedAtSub, windowClosesAt, paidAtSub);
  trace?.step(
    'image.subscription-window',
    ['paidAt', 'requestedAt'],
    windowClosesAt === null ? null : insideWindow,
    windowClosesAt,
  );
  if (insideWindow) trace?.step('image.in-use', ['imageInUse'], imageInUse ?? null);
  if (billingMethod === 'subscription' && !insideWindow) {
    return {
      kind: 'refused',
      clauses: ['image.subscription-window'],
      windowClosesAt,
      windowClosesAtSub: paidAtSub,
    };
  }
  // The billing method decides which clause applies, so it is asked even when both
  // branches would refuse: the decision must cite the clause that really applies.
  const missing: FactId[] = [];
  if (billingMethod === undefined) missing.push('billingMethod');
  if (paidAt === undefined) missing.push('paidAt');
  if (imageInUse === undefined && insideWindow) missing.push('imageInUse');
  if (missing.length > 0 || windowClosesAt === null) {
    return { kind: 'undetermined', missing, windowClosesAt, windowClosesAtSub: paidAtSub };
  }
  return imageInUse === true
    ? {
        kind: 'refund',
        clauses: ['image.subscription-window', 'image.in-use'],
        conditions: ['backup_data', 'stop_instance_or_replace_os'],
        windowClosesAt,
        windowClosesAtSub: paidAtSub,
      }
    : {
        kind: 'refund',
        clauses: ['image.subscription-window'],
        conditions: [],
        windowClosesAt,
        windowClosesAtSub: paidAtSub,
      };
};
