import { findAmounts } from './money';
import { findInstants } from './instants';
import { foldWidth, type Found, type Proposal } from './proposal';
import { findOrderIds, findPhrases } from './words';

export type { Proposal, ProposalFact } from './proposal';

/** Facts a case holds one value of: two different readings of one of them propose neither. */
const SINGLE = new Set(['productType', 'serviceStatus', 'imageInUse', 'invoiceIssued', 'billingMethod']);

const overlaps = (a: Found, b: Found) => a.start < b.end && b.start < a.end;
const length = (found: Found) => found.end - found.start;

/** Where two phrases of one fact overlap, the longer says what the text means. */
function longestOfOverlaps(found: Found[]): Found[] {
  return found.filter(
    (one) =>
      !found.some(
        (other) =>
          other !== one &&
          other.fact === one.fact &&
          overlaps(one, other) &&
          (length(other) > length(one) || (length(other) === length(one) && other.start < one.start)),
      ),
  );
}

/**
 * The facts a customer's message states, as proposals for an agent to accept or reject: pure,
 * deterministic and offline. Precision comes before recall: a value the text does not clearly
 * give is left out rather than guessed, and a fact read two ways is not proposed at all.
 * Each (fact, value) is proposed once, at its first place in the message.
 */
export function extractProposals(message: string): Proposal[] {
  const text = foldWidth(message);
  const amounts = findAmounts(text);
  const found = longestOfOverlaps([
    ...findOrderIds(text),
    ...amounts,
    ...amounts.map((amount) => amount.currency),
    ...findInstants(text),
    ...findPhrases(text),
  ]);
  const valuesOf = new Map<string, Set<unknown>>();
  for (const one of found) valuesOf.set(one.fact, (valuesOf.get(one.fact) ?? new Set()).add(one.value));
  const seen = new Set<string>();
  return found
    .filter((one) => !(SINGLE.has(one.fact) && valuesOf.get(one.fact)!.size > 1))
    .sort((a, b) => a.start - b.start || a.fact.localeCompare(b.fact))
    .filter((one) => {
      const key = `${one.fact}\u0000${String(one.value)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ fact, value, start, end, assumed }) => ({
      fact,
      value,
      text: message.slice(start, end),
      start,
      end,
      ...(assumed === undefined ? {} : { assumed }),
    }));
}
