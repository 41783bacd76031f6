import type { Decision } from '../model/decision';
import type { Facts } from '../model/facts';
import { RULE_BOOK } from './versions';

/**
 * Whether the window's close instant is itself outside it: a communication package's validity
 * is half-open under a revision that reads it so (a request at the expiry instant is refused),
 * so its close is said "valid until …, not including". Every other window still holds at its
 * close.
 */
export function closeIsExcluded(
  decision: Pick<Decision, 'windowClosesAt' | 'policyRevision'>,
  facts: Pick<Facts, 'productType' | 'expiresAt'>,
): boolean {
  if (
    facts.productType !== 'rtc_package' ||
    facts.expiresAt === undefined ||
    decision.windowClosesAt === null
  )
    return false;
  const halfOpen = RULE_BOOK.find(decision.policyRevision)?.expiredAtExpiry === true;
  return halfOpen && Date.parse(facts.expiresAt) === Date.parse(decision.windowClosesAt);
}
