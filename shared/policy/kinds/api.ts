import type { KindRules } from './verdict';

export const apiRules: KindRules = (_facts, _policy, trace) => {
  trace?.step('delivery.api-or-download', ['productType'], true);
  return { kind: 'refused', clauses: ['delivery.api-or-download'], windowClosesAt: null };
};
