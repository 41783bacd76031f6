import { FACT_IDS, FACTS, type FactId, type Labels } from '../../model/catalogue';
import type { ClauseId } from '../../model/clause-ids';
import type { Language } from '../../model/languages';
import { CLAUSE_TEXTS } from '../clauses';
import { FACT_QUESTIONS, type Question } from '../questions';
import type { PolicyRevisionData } from './schema';

/** What an agent reads under one revision: every clause text, question and asked fact's label. */
export interface Wording {
  clauses: Readonly<Record<ClauseId, Labels>>;
  questions: Readonly<Record<FactId, Readonly<Record<Language, Question>>>>;
  factLabels: Readonly<Record<FactId, Labels>>;
}

const NEWEST_LABELS = Object.fromEntries(FACT_IDS.map((id) => [id, FACTS[id].label])) as Record<
  FactId,
  Labels
>;

/** The newest wording with a revision's own texts laid over it. */
export function compileWording(own: PolicyRevisionData['wording']): Wording {
  return {
    clauses: { ...CLAUSE_TEXTS, ...own?.clauses },
    questions: { ...FACT_QUESTIONS, ...own?.questions },
    factLabels: { ...NEWEST_LABELS, ...own?.factLabels },
  };
}
