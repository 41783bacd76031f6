import type { KindRules } from './verdict';

export const apiRules: KindRules = () => ({
  kind: 'refused',
  clauses: ['delivery.api-or-download'],
  windowClosesAt: null,
});
