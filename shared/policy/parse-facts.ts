import { FactsSchema, type Facts } from '../model/facts';
import { describeFirstIssue } from '../model/issues';
import { InvalidFactsError, readFacts } from './read-facts';
import { RULE_BOOK } from './versions';

export type FactsResult =
  { ok: true; facts: Facts } | { ok: false; error: { field: string; message: string } };

/**
 * Checks untrusted facts (a file, an API payload, a form) both field by field and as a
 * whole, so that what passes here never makes decide() throw.
 */
export function parseFacts(input: unknown, now: Date | number): FactsResult {
  const parsed = FactsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: describeFirstIssue(parsed.error, 'facts') };
  try {
    readFacts(parsed.data, typeof now === 'number' ? now : now.getTime(), RULE_BOOK);
  } catch (error) {
    if (error instanceof InvalidFactsError) {
      return { ok: false, error: { field: error.field, message: error.problem } };
    }
    throw error;
  }
  return { ok: true, facts: parsed.data };
}
