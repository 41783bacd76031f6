import { FACT_IDS, FACTS, type FactId, type Labels } from '../../model/catalogue';
import type { ClauseId } from '../../model/clause-ids';
import type { Language } from '../../model/languages';
import { CLAUSE_TEXTS } from '../clauses';
import { FACT_QUESTIONS, type Question } from '../questions';
import { CUSTOMER_REASONS } from '../replies/customer-words';
import type { PolicyRevisionData } from './schema';

/** What an agent reads under one revision: every clause text, question and asked fact's label. */
export interface Wording {
  clauses: Readonly<Record<ClauseId, Labels>>;
  questions: Readonly<Record<FactId, Readonly<Record<Language, Question>>>>;
  factLabels: Readonly<Record<FactId, Labels>>;
  /** Each clause as a reply tells it to the customer (replies/customer-words.ts). */
  customerReasons: Readonly<Record<ClauseId, Labels>>;
}

const NEWEST_LABELS = Object.fromEntries(FACT_IDS.map((id) => [id, FACTS[id].label])) as Record<
  FactId,
  Labels
>;

type Windows = PolicyRevisionData['windows'];

/** Every text in `value` with its window placeholders (`{saasGuaranteeDays}` …) filled in. */
function fillWindows<T>(value: T, windows: Windows): T {
  if (typeof value === 'string') {
    return value.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(windows, name) ? String(windows[name as keyof Windows]) : whole,
    ) as T;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => fillWindows(item, windows)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, fillWindows(item, windows)]),
  ) as T;
}

/** The newest wording with a revision's own texts laid over it, its windows filled in. */
export function compileWording({ wording: own, windows }: PolicyRevisionData): Wording {
  return fillWindows(
    {
      clauses: { ...CLAUSE_TEXTS, ...own?.clauses },
      questions: { ...FACT_QUESTIONS, ...own?.questions },
      factLabels: { ...NEWEST_LABELS, ...own?.factLabels },
      customerReasons: CUSTOMER_REASONS,
    },
    windows,
  );
}
