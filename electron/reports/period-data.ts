import type { ParsedPeriodQuery, PeriodFigures } from '../../shared/model/period';
import { parseInstant, RULE_BOOK, replayRows } from '../../shared/policy';
import {
  closingSoon,
  InvalidInputError,
  periodAggregates,
  streamDecidedCasesForReplay,
  type CaseStore,
  type PeriodRange,
} from '../store';

const DAY_MS = 86_400_000;
/** The changed cases a report lists by ref; the total counts them all. */
const LISTED = 200;

function instant(text: string, name: string): number {
  try {
    return parseInstant(text);
  } catch (error) {
    throw new InvalidInputError(`${name}: ${(error as Error).message}`);
  }
}

/** Cases of the period that the newest revision would decide differently from their record. */
function newerRevision(store: CaseStore, range: PeriodRange): PeriodFigures['newerRevision'] {
  const newest = RULE_BOOK.newest();
  const cases: NonNullable<PeriodFigures['newerRevision']>['cases'] = [];
  let total = 0;
  for (const { result } of replayRows(streamDecidedCasesForReplay(store, range), newest)) {
    if (result.change !== 'changed') continue;
    total++;
    if (cases.length >= LISTED) continue;
    cases.push({
      ref: result.ref,
      currency: result.after.currency,
      before: {
        outcome: result.before.outcome,
        refundAmount: result.before.refundAmount,
        revision: result.before.policyRevision,
      },
      after: {
        outcome: result.after.outcome,
        refundAmount: result.after.refundAmount,
        revision: result.after.policyRevision,
      },
    });
  }
  return { revision: newest.revision, total, cases };
}

/** A period's figures from the store's indexed aggregates, the replay and the open work's windows. */
export function periodFigures(store: CaseStore, query: ParsedPeriodQuery): PeriodFigures {
  const range: PeriodRange = {
    from: instant(query.from, 'from'),
    to: instant(query.to, 'to'),
    kinds: query.kind,
    provider: query.provider,
    agent: query.agent,
  };
  if (range.to <= range.from) throw new InvalidInputError('to: the period must end after it starts (from)');
  const now = store.now();
  return {
    query,
    at: new Date(now).toISOString(),
    ...periodAggregates(store, range),
    closingSoon: closingSoon(store, now, now + query.closingDays * DAY_MS),
    newerRevision: query.replay ? newerRevision(store, range) : null,
  };
}
