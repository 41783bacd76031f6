export { RULE_BOOK, wordingOf } from './book';
export { EXCLUSION_CLAUSES, loadPolicy, PolicyBook, type ExclusionRule, type Policy } from './policy';
export { InvalidPolicyError, PolicyRevisionSchema, type PolicyRevisionData } from './schema';
export type { Wording } from './wording';
