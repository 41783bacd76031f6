import { z } from 'zod';
import { FACT_IDS } from '../../model/catalogue';
import { CLAUSE_IDS } from '../../model/clause-ids';
import { EXCLUSION_KEYS } from '../../model/facts';
import { describeFirstIssue } from '../../model/issues';
import { CALL_TYPES } from '../rtc-usage/conversion';
import { InstantFormatError, parseInstant } from '../time';

/**
 * One revision of one version of the rule book, as data: everything the rules read that a
 * version or an erratum may change. Loaded from the built-in book or from a draft file, and
 * always checked by this schema first, so the rules never meet a window of -3 days.
 */

const instantText = z
  .string({ error: 'must be an ISO 8601 date-time with a UTC offset' })
  .superRefine((text, ctx) => {
    try {
      parseInstant(text);
    } catch (error) {
      if (!(error instanceof InstantFormatError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  });

const days = z.number({ error: 'must be a whole number of days' }).int().min(0).max(3650);
const months = z.number({ error: 'must be a whole number of months' }).int().min(0).max(120);
const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
  error: 'must be a short name such as v1.1 (letters, digits, ".", "_", "-")',
});

const factorRow = z.strictObject({
  type: z.enum(CALL_TYPES),
  /** Inclusive upper bound of the frame height; null for audio. */
  maxResolution: z.number().int().positive().nullable(),
  /** Package minutes per call minute; whole quarters keep the accounting exact. */
  factor: z
    .number()
    .positive()
    .max(100)
    .refine((factor) => Number.isInteger(factor * 4), { error: 'must be a whole number of quarters' }),
});

const text = z.string().trim().min(1, { error: 'must not be empty' }).max(1000);
const inEveryLanguage = <T extends z.ZodType>(value: T) => z.strictObject({ en: value, zh: value });
const question = z.strictObject({ question: text, hint: text });

/**
 * How a revision words what the agent reads, where it differs from the newest wording (the
 * texts in clauses.ts, questions.ts and the catalogue's labels): under v1 the feedback-overdue
 * clause still covered a lapsed item, so its text and question said so.
 */
const wording = z.strictObject({
  clauses: z.partialRecord(z.enum(CLAUSE_IDS), inEveryLanguage(text)).optional(),
  questions: z.partialRecord(z.enum(FACT_IDS), inEveryLanguage(question)).optional(),
  factLabels: z.partialRecord(z.enum(FACT_IDS), inEveryLanguage(text)).optional(),
});

export const PolicyRevisionSchema = z.strictObject({
  version: name,
  revision: name,
  /** The version comes into force here; its revisions share the instant. */
  inForceFrom: instantText,
  windows: z.strictObject({
    saasGuaranteeDays: days,
    imageSubscriptionDays: days,
    rtcUnsubscribeDays: days,
    /** Months since payment before an exclusion about the customer's silence can hold. */
    silenceMonths: months,
  }),
  /** The exclusions in force, in the order an agent asks them. */
  exclusions: z
    .array(z.strictObject({ fact: z.enum(EXCLUSION_KEYS), afterSilence: z.boolean() }))
    .refine((list) => new Set(list.map((entry) => entry.fact)).size === list.length, {
      error: 'must name each exclusion once',
    }),
  /** `half-open`: a package is expired at its expiresAt; `inclusive`: only after it (v1). */
  packageValidity: z.enum(['half-open', 'inclusive']),
  /** `written`: instants compare to the nanosecond as written; `millisecond`: the rest is dropped (v1). */
  instantPrecision: z.enum(['written', 'millisecond']),
  usage: z.strictObject({
    factors: z.array(factorRow).min(1),
    relayDefaultProfile: z.string().regex(/^[A-Za-z0-9_]+$/),
    relayDefaultProfileFrom: instantText,
    /** Calls and relay tasks split at package expiries and at midnight (v1.1), or judged by their start (v1). */
    splitAtBoundaries: z.boolean(),
  }),
  wording: wording.optional(),
});

export type PolicyRevisionData = z.input<typeof PolicyRevisionSchema>;

export const PolicyBookSchema = z
  .array(PolicyRevisionSchema)
  .min(1)
  .superRefine((revisions, ctx) => {
    const inForceByVersion = new Map<string, number>();
    const seen = new Set<string>();
    revisions.forEach((revision, index) => {
      if (seen.has(revision.revision)) {
        ctx.addIssue({ code: 'custom', path: [index, 'revision'], message: 'repeats an earlier revision' });
      }
      seen.add(revision.revision);
      const inForce = parseInstant(revision.inForceFrom);
      const first = inForceByVersion.get(revision.version);
      if (first !== undefined && first !== inForce) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'inForceFrom'],
          message: `must be the in-force instant of ${revision.version}: a revision never moves it`,
        });
      }
      inForceByVersion.set(revision.version, inForce);
    });
  });

export class InvalidPolicyError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'InvalidPolicyError';
  }
}

export function parseWith<T>(schema: z.ZodType<T>, input: unknown, root: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, message } = describeFirstIssue(parsed.error, root);
  throw new InvalidPolicyError(field, message);
}
