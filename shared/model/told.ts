import { z } from 'zod';
import { OUTCOMES } from './decision';

/**
 * What a reply marked as sent told the customer: the outcome it answered, the cash it promised
 * (minor units of `currency`; null when it promised no sum, as a request for information) and
 * the deadline it gave (null when it gave none). Kept in the reply's audit row beside its text,
 * so a later decision can be checked against it.
 */
export const ToldSchema = z.object({
  outcome: z.enum(OUTCOMES),
  amount: z.number().int().nonnegative().nullable(),
  currency: z.string(),
  deadline: z.string().nullable(),
});
export type Told = z.infer<typeof ToldSchema>;

/** What a reply's audit row says the customer was told; null for rows kept before the amount was. */
export function toldOf(detail: Record<string, unknown>): Told | null {
  const parsed = ToldSchema.safeParse(detail);
  return parsed.success ? parsed.data : null;
}
