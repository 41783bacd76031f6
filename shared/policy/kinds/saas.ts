import { addDays } from '../time';
import type { KindRules } from './verdict';

export const SAAS_GUARANTEE_DAYS = 5;

export const saasRules: KindRules = ({ paidAt, requestedAt }) => {
  if (paidAt === undefined) return { kind: 'undetermined', missing: ['paidAt'], windowClosesAt: null };
  const windowClosesAt = addDays(paidAt, SAAS_GUARANTEE_DAYS);
  return requestedAt > windowClosesAt
    ? { kind: 'refused', clauses: ['saas.guarantee-window'], windowClosesAt }
    : { kind: 'refund', clauses: ['saas.guarantee-window'], conditions: [], windowClosesAt };
};
