import { formatInputError, parseUsageInput, type UsageInput } from './schema';

/** Validated input for tests and examples; a fixture that does not validate is a bug in it. */
export function validUsageInput(json: unknown): UsageInput {
  const parsed = parseUsageInput(json);
  if (!parsed.ok) throw new Error(`fixture is invalid: ${formatInputError(parsed.error)}`);
  return parsed.value;
}
