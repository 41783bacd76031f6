import { z } from 'zod';
import { describeFirstIssue } from '../../model/issues';
import {
  INSTANT_RANGE_PROBLEM,
  InstantFormatError,
  isInPolicyYears,
  lastSubMillisecond,
  parseInstant,
  type Instant,
} from '../time';
import { CALL_TYPES } from './conversion';
import { MAX_ENTRIES, MAX_MINUTES, toHundredths } from './units';

/**
 * The input of the usage explainer. Every object is strict, so a misspelt field is an error
 * rather than a silently ignored value. Instants need an explicit UTC offset; minutes are
 * non-negative with at most two decimals (see units.ts).
 */

type ZodIssueLike = { input?: unknown };

/** "is required" when the field is absent, otherwise what the value must be. */
const requiredAs =
  (expectation: string) =>
  (issue: ZodIssueLike): string =>
    issue.input === undefined ? 'is required' : `must be ${expectation}`;

function instantOrNull(text: string): Instant | null {
  try {
    return parseInstant(text);
  } catch (error) {
    if (error instanceof InstantFormatError) return null;
    throw error;
  }
}

const instantText = z
  .string({ error: requiredAs('an ISO 8601 date-time string with a UTC offset') })
  .superRefine((text, ctx) => {
    try {
      const instant = parseInstant(text);
      if (!isInPolicyYears(instant, lastSubMillisecond())) {
        ctx.addIssue({ code: 'custom', message: INSTANT_RANGE_PROBLEM });
      }
    } catch (error) {
      if (!(error instanceof InstantFormatError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  });

const minutes = z
  .number({ error: requiredAs('a non-negative number') })
  .nonnegative({ error: 'must be a non-negative number' })
  .max(MAX_MINUTES, { error: `must be at most ${MAX_MINUTES}` })
  .refine((value) => toHundredths(value) !== null, {
    error: 'must have at most 2 decimal places',
  });

const id = z.string({ error: requiredAs('a string') }).min(1, { error: 'must not be empty' });

const strictObjectError = (issue: ZodIssueLike): string =>
  issue.input === undefined ? 'is required' : 'must be an object';

const packageSchema = z
  .strictObject(
    { id, minutes, purchasedAt: instantText, expiresAt: instantText },
    { error: strictObjectError },
  )
  .superRefine((pkg, ctx) => {
    const purchasedAt = instantOrNull(pkg.purchasedAt);
    const expiresAt = instantOrNull(pkg.expiresAt);
    if (purchasedAt !== null && expiresAt !== null && expiresAt <= purchasedAt) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after purchasedAt' });
    }
  });

// Audio has no picture, so a resolution on an audio record means the record is mislabelled;
// refusing it is safer than guessing which of the two fields is wrong.
const audioUsageSchema = z.strictObject({
  id,
  startedAt: instantText,
  minutes,
  type: z.literal('audio'),
  resolution: z.null({ error: 'must be absent or null for audio calls' }).optional(),
});

const videoUsageSchema = z.strictObject({
  id,
  startedAt: instantText,
  minutes,
  type: z.literal('video'),
  resolution: z
    .number({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? 'is required for video calls (frame height in pixels, e.g. 720)'
          : 'must be a frame height in pixels, e.g. 720',
    })
    .int({ error: 'must be a whole number of pixels' })
    .positive({ error: 'must be a positive number of pixels' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' }),
});

const callTypeList = CALL_TYPES.map((type) => `"${type}"`).join(' or ');

const usageSchema = z.discriminatedUnion('type', [audioUsageSchema, videoUsageSchema], {
  error: (issue) => {
    const record = issue.input;
    if (typeof record !== 'object' || record === null) return strictObjectError(issue);
    return 'type' in record ? `must be ${callTypeList}` : 'is required';
  },
});

/** Relay task profiles look like 4IN_720P or 16IN_1080P; null or absent means none was set. */
const relayProfile = z
  .string({ error: 'must be a task profile name such as 4IN_720P, or null' })
  .regex(/^[A-Za-z0-9_]+$/, {
    error: 'must be a task profile name such as 4IN_720P (letters, digits, _), or null',
  })
  .nullish();

const relaySchema = z.strictObject(
  { taskId: id, startedAt: instantText, minutes, profile: relayProfile },
  { error: strictObjectError },
);

const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item, { error: requiredAs('an array') })
    .max(MAX_ENTRIES, { error: `must have at most ${MAX_ENTRIES} entries` });

/** Reports each entry whose key repeats an earlier entry's key. */
function flagDuplicates<T>(
  ctx: z.RefinementCtx,
  list: string,
  entries: readonly T[],
  keyOf: (entry: T) => string | null,
  field: string,
  describe: (firstIndex: number) => string,
): void {
  const firstIndexByKey = new Map<string, number>();
  entries.forEach((entry, index) => {
    const key = keyOf(entry);
    if (key === null) return;
    const firstIndex = firstIndexByKey.get(key);
    if (firstIndex === undefined) {
      firstIndexByKey.set(key, index);
      return;
    }
    ctx.addIssue({ code: 'custom', path: [list, index, field], message: describe(firstIndex) });
  });
}

export const usageInputSchema = z
  .strictObject(
    {
      packages: listOf(packageSchema),
      usage: listOf(usageSchema),
      // Most customers never use relay transcoding, so the list may be left out.
      relay: listOf(relaySchema).default([]),
    },
    { error: strictObjectError },
  )
  .superRefine((input, ctx) => {
    flagDuplicates(
      ctx,
      'packages',
      input.packages,
      (pkg) => pkg.id,
      'id',
      (first) => `duplicates packages[${first}].id`,
    );
    flagDuplicates(
      ctx,
      'usage',
      input.usage,
      (record) => record.id,
      'id',
      (first) => `duplicates usage[${first}].id`,
    );
    // One relay task may report several segments, so only a repeat of task and start instant
    // (the same segment sent twice) is refused.
    flagDuplicates(
      ctx,
      'relay',
      input.relay,
      (task) => {
        const startedAt = instantOrNull(task.startedAt);
        return startedAt === null ? null : JSON.stringify([task.taskId, startedAt]);
      },
      'startedAt',
      (first) => `repeats relay[${first}] (same taskId and start instant)`,
    );
  })
  .brand<'UsageInput'>();

/** Validated explainer input; obtain it from parseUsageInput (or the schema). */
export type UsageInput = z.output<typeof usageInputSchema>;
export type UsageInputJson = z.input<typeof usageInputSchema>;
export type PackageInput = UsageInput['packages'][number];
export type UsageRecordInput = UsageInput['usage'][number];
export type RelayInput = UsageInput['relay'][number];

export interface InputError {
  /** Where the problem is, e.g. `usage[2].minutes`; `input` for the document itself. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; value: UsageInput } | { ok: false; error: InputError };

/** Validates parsed JSON; on failure reports the first problem found, with its path. */
export function parseUsageInput(json: unknown): ParseResult {
  const result = usageInputSchema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const { field, message } = describeFirstIssue(result.error, 'input');
  return { ok: false, error: { path: field, message } };
}

/** One line naming the field, e.g. `usage[2].minutes: must be a non-negative number`. */
export function formatInputError(error: InputError): string {
  return `${error.path}: ${error.message}`;
}
