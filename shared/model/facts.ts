import { z } from 'zod';

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
  'legalViolation',
] as const;
export type ExclusionKey = (typeof EXCLUSION_KEYS)[number];

// A form or an import may send null for "not known yet"; inside the rules that is simply absent.
const unknownable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null ? undefined : value), schema.optional());

const minorUnits = z
  .number({ error: 'must be a number of minor units (e.g. 19900 for 199.00)' })
  .int({ error: 'must be a whole number of minor units (e.g. 19900 for 199.00), never a fraction' })
  .nonnegative({ error: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' });

// The precise format check lives in shared/policy/time (parseInstant), where decide() runs it
// too; here it is only a string.
const instantText = z.string({ error: 'must be an ISO 8601 date-time string with a UTC offset' });

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
      z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as CNY or USD' }),
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
      z.number({ error: 'must be a number of minutes' }).nonnegative({ error: 'must not be negative' }),
    ),
    expiresAt: unknownable(instantText),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown field' : 'must be an object') },
);

export type Facts = z.output<typeof FactsSchema>;
/** Facts as JSON carries them: a field may also be null for "not known yet". */
export type FactsInput = { [K in keyof Facts]?: Facts[K] | null };
export type Exclusions = NonNullable<Facts['exclusions']>;

/** The names `missing` uses, in the one order an agent asks them. */
export const FACT_IDS = [
  'productType',
  'orderAmount',
  'paidAt',
  'billingMethod',
  'imageInUse',
  'serviceStatus',
  'guaranteeEndsAt',
  ...EXCLUSION_KEYS.map((key) => `exclusions.${key}` as const),
  'consumedMinutes',
] as const;
export type FactId = (typeof FACT_IDS)[number];
