import { InvalidPolicyError, loadPolicy, RULE_BOOK, type Policy } from '../../shared/policy';
import type { OptionSpec } from '../command';
import { UsageError } from '../errors';
import { readJsonInput, type CliIo } from '../io';

export const POLICY_OPTION = {
  policy: {
    type: 'string',
    value: 'REV|FILE',
    help: 'judge under a revision of the rule book (v1, v1.1) or a draft revision file (JSON)',
  },
} as const satisfies Record<string, OptionSpec>;

/**
 * `--policy REV|FILE`: a revision of the rule book by name, or a draft revision read from a
 * JSON file. Undefined when the option is absent: the book then picks the version in force
 * for each case, in its newest revision.
 */
export async function policyOption(value: string | undefined, io: CliIo): Promise<Policy | undefined> {
  if (value === undefined) return undefined;
  if (RULE_BOOK.revisions.some((policy) => policy.revision === value)) return RULE_BOOK.revision(value);
  let draft: unknown;
  try {
    draft = await readJsonInput(io, value);
  } catch (error) {
    const known = RULE_BOOK.revisions.map((policy) => policy.revision).join(', ');
    throw new UsageError(
      `--policy: not a revision (${known}) nor a readable draft: ${(error as Error).message}`,
    );
  }
  try {
    return loadPolicy(draft);
  } catch (error) {
    if (error instanceof InvalidPolicyError) throw new UsageError(`--policy ${value}: ${error.message}`);
    throw error;
  }
}
