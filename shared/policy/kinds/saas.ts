import { isLater } from '../time';
import type { KindRules } from './verdict';

export const saasRules: KindRules = ({ paidAt, paidAtSub, requestedAt, requestedAtSub }, policy) => {
  if (paidAt === undefined) return { kind: 'undetermined', missing: ['paidAt'], windowClosesAt: null };
  const windowClosesAt = paidAt + policy.saasGuaranteeMs;
  return isLater(requestedAt, requestedAtSub, windowClosesAt, paidAtSub)
    ? { kind: 'refused', clauses: ['saas.guarantee-window'], windowClosesAt }
    : { kind: 'refund', clauses: ['saas.guarantee-window'], conditions: [], windowClosesAt };
};
