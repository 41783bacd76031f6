import type { FactsInput } from '../model/facts';
import { decide } from './decide';
import { parseFacts } from './parse-facts';
import { RULE_BOOK } from './versions';

/** Noon on 2026-03-01 in the policy zone: the payment time most examples start from. */
export const PAID = '2026-03-01T12:00:00+08:00';
export const NOW = Date.parse('2030-01-01T00:00:00Z');

/** Every revision of the rule book: the rules' suite runs under each. */
export const REVISIONS = RULE_BOOK.revisions.map((policy) => policy.revision);

export function at(iso: string, plusMs = 0): string {
  return new Date(Date.parse(iso) + plusMs).toISOString();
}

/** Parses then decides, as every caller outside the rules does, under the named revision. */
export function decideUnder(revision: string) {
  const policy = RULE_BOOK.revision(revision);
  return (input: FactsInput, now = NOW) => {
    const parsed = parseFacts(input, now);
    if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
    return decide(parsed.facts, { now, policy });
  };
}

/** Parses then decides under the rule book's own choice: the newest revision in force. */
export function decideInput(input: FactsInput, now = NOW) {
  const parsed = parseFacts(input, now);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return decide(parsed.facts, { now });
}
