export { decide, decideWindowCloses, type DecideOptions } from './decide';
export { InvalidFactsError } from './read-facts';
export * from './clauses';
export {
  POLICY_UTC_OFFSET,
  POLICY_ZONE,
  addDays,
  addMonths,
  formatInPolicyOffset,
  formatInPolicyZone,
  parseInstant,
} from './time';
export { parseFacts, type FactsResult } from './parse-facts';
export { OUTCOME_TEXTS, renderDecisionText } from './explain';
export { FACT_QUESTIONS } from './questions';
export {
  RULE_BOOK,
  wordingOf,
  loadPolicy,
  InvalidPolicyError,
  PolicyBook,
  PolicyRevisionSchema,
  type Policy,
  type PolicyRevisionData,
  type Wording,
} from './versions';
export {
  REPLAY_CAUSES,
  replayCase,
  replayRows,
  type DecisionGist,
  type ReplayCause,
  type ReplayResult,
  type StoredCase,
  type StoredRow,
} from './replay';
export { counterfactualHints, type Hint } from './hints';
