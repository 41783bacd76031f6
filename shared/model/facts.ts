import { z } from 'zod';
import { currencyProblem } from './currencies';
import { isImplausibleYear, MAX_PLAUSIBLE_AMOUNT, PROBLEMS } from './plausibility';

export const PRODUCT_TYPES = ['saas', 'service', 'image', 'api', 'rtc_package'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const BILLING_METHODS = ['subscription', 'pay_as_you_go'] as const;
export const SERVICE_STATUSES = ['in_progress', 'completed'] as const;

/** Keys of `exclusions`, in the order the rule book lists them (and an agent asks them). */
export const EXCLUSION_KEYS = [
  'noServiceRequest',
  'infoWithheld',
  'scopeExceeded',
  'feedbackOverdue',
  'itemLapsed',
  'legalViolation',
] as const;
export type ExclusionKey = (typeof EXCLUSION_KEYS)[number];

// A form or an import may send null for "not known yet"; inside the rules that is simply absent.
const unknownable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null ? undefined : value), schema.optional());

// The size checks come first: zod's int() also refuses unsafe integers, and 1e20 is too
// large, not a fraction.
const minorUnits = z
  .number({ error: 'must be a number of minor units (e.g. 19900 for 199.00)' })
  .nonnegative({ error: PROBLEMS.negative })
  .max(MAX_PLAUSIBLE_AMOUNT, { error: PROBLEMS.tooLarge })
  .int({ error: PROBLEMS.fraction });

// The precise format check lives in shared/policy/time (parseInstant), where decide() runs it
// too; here it is a string in the policy's years.
const instantText = z
  .string({ error: 'must be an ISO 8601 date-time string with a UTC offset' })
  .refine((text) => !isImplausibleYear(text), { error: PROBLEMS.instantRange });

const exclusionFlag = unknownable(z.boolean({ error: 'must be true or false' }));

export const ExclusionsSchema = z.strictObject(
  Object.fromEntries(EXCLUSION_KEYS.map((key) => [key, exclusionFlag])) as Record<
    ExclusionKey,
    typeof exclusionFlag
  >,
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field` : 'must be an object') },
);

/** What the rules can know about a refund request. Every field may still be unknown. */
export const FactsSchema = z.strictObject(
  {
    productType: unknownable(z.enum(PRODUCT_TYPES, { error: `must be one of ${PRODUCT_TYPES.join(', ')}` })),
    paidAt: unknownable(instantText),
    requestedAt: unknownable(instantText),
    orderAmount: unknownable(minorUnits),
    voucherAmount: unknownable(minorUnits),
    currency: unknownable(
      z.string({ error: 'must be an ISO 4217 code such as CNY or USD' }).superRefine((code, ctx) => {
        const problem = currencyProblem(code);
        if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
    invoiceIssued: unknownable(z.boolean({ error: 'must be true or false' })),
    billingMethod: unknownable(
      z.enum(BILLING_METHODS, { error: `must be one of ${BILLING_METHODS.join(', ')}` }),
    ),
    imageInUse: unknownable(z.boolean({ error: 'must be true or false' })),
    serviceStatus: unknownable(
      z.enum(SERVICE_STATUSES, { error: `must be one of ${SERVICE_STATUSES.join(', ')}` }),
    ),
    guaranteeEndsAt: unknownable(instantText),
    exclusions: unknownable(ExclusionsSchema),
    consumedMinutes: unknownable(
      z
        .number({ error: PROBLEMS.minutes })
        .nonnegative({ error: PROBLEMS.negative })
        .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' }),
    ),
    expiresAt: unknownable(instantText),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown field' : 'must be an object') },
);

export type Facts = z.output<typeof FactsSchema>;
/** Facts as JSON carries them: a field may also be null for "not known yet". */
export type FactsInput = { [K in keyof Facts]?: Facts[K] | null };
export type Exclusions = NonNullable<Facts['exclusions']>;

/** Every fact by one name: the top-level fields, and each exclusion as `exclusions.<key>`. */
export type FactKey = Exclude<keyof Facts, 'exclusions'> | `exclusions.${ExclusionKey}`;
export type FactValue<K extends FactKey> = K extends `exclusions.${infer E extends ExclusionKey}`
  ? Exclusions[E]
  : K extends keyof Facts
    ? Facts[K]
    : never;

const EXCLUSION_PREFIX = 'exclusions.';
const exclusionOf = (key: FactKey) =>
  key.startsWith(EXCLUSION_PREFIX) ? (key.slice(EXCLUSION_PREFIX.length) as ExclusionKey) : undefined;

export function readFact<K extends FactKey>(facts: Facts, key: K): FactValue<K> | undefined {
  const exclusion = exclusionOf(key);
  const value = exclusion === undefined ? facts[key as keyof Facts] : facts.exclusions?.[exclusion];
  return value as FactValue<K> | undefined;
}

/** The facts with one fact set (or, with undefined, forgotten again). */
export function withFact(facts: Facts, key: FactKey, value: unknown): Facts {
  const exclusion = exclusionOf(key);
  return exclusion === undefined
    ? { ...facts, [key]: value }
    : { ...facts, exclusions: { ...facts.exclusions, [exclusion]: value } };
}

/** One fact that differs between two sets of facts; an unknown fact reads as null. */
export interface FactChange {
  fact: FactKey;
  from: unknown;
  to: unknown;
}

const flatFacts = (facts: Facts): Record<string, unknown> => {
  const { exclusions, ...rest } = facts;
  const flat: Record<string, unknown> = { ...rest };
  for (const [name, value] of Object.entries(exclusions ?? {})) flat[`${EXCLUSION_PREFIX}${name}`] = value;
  return flat;
};

/** The facts whose values differ, in a stable order (exclusions as `exclusions.<key>`). */
export function diffFacts(before: Facts, after: Facts): FactChange[] {
  const [a, b] = [flatFacts(before), flatFacts(after)];
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((name) => JSON.stringify(a[name]) !== JSON.stringify(b[name]))
    .sort()
    .map((name) => ({ fact: name as FactKey, from: a[name] ?? null, to: b[name] ?? null }));
}

export const isProductType = (value: unknown): value is ProductType =>
  typeof value === 'string' && (PRODUCT_TYPES as readonly string[]).includes(value);
