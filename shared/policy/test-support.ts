import type { FactsInput } from '../model/facts';
import { decide } from './decide';
import { parseFacts } from './parse-facts';

/** Noon on 2026-03-01 in the policy zone: the payment time most examples start from. */
export const PAID = '2026-03-01T12:00:00+08:00';
export const NOW = Date.parse('2030-01-01T00:00:00Z');

export function at(iso: string, plusMs = 0): string {
  return new Date(Date.parse(iso) + plusMs).toISOString();
}

/** Parses then decides, as every caller outside the rules does. */
export function decideInput(input: FactsInput, now = NOW) {
  const parsed = parseFacts(input, now);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return decide(parsed.facts, { now });
}
