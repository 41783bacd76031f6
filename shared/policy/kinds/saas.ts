import { isLater } from '../time';
import type { KindRules } from './verdict';

const WINDOW_FACTS = ['paidAt', 'requestedAt'] as const;

export const saasRules: KindRules = ({ paidAt, paidAtSub, requestedAt, requestedAtSub }, policy, trace) => {
  if (paidAt === undefined) {
    trace?.step('saas.guarantee-window', WINDOW_FACTS, null);
    return { kind: 'undetermined', missing: ['paidAt'], windowClosesAt: null };
  }
  const windowClosesAt = paidAt + policy.saasGuaranteeMs;
  const outside = isLater(requestedAt, requestedAtSub, windowClosesAt, paidAtSub);
  trace?.step('saas.guarantee-window', WINDOW_FACTS, !outside, windowClosesAt);
  return outside
    ? { kind: 'refused', clauses: ['saas.guarantee-window'], windowClosesAt, windowClosesAtSub: paidAtSub }
    : {
        kind: 'refund',
        clauses: ['saas.guarantee-window'],
        conditions: [],
        windowClosesAt,
        windowClosesAtSub: paidAtSub,
      };
};
