/**
 * What the rule book (section 4, v1.1) calls implausible input, and the words every layer
 * uses to refuse it. The schemas in this folder, the rules' own checks and the forms all
 * name a problem by these texts, so a form can show each one in the agent's language
 * (renderer/i18n `problems.<code>`) while the API and the CLI print the English one.
 */

/**
 * The largest amount an order can plausibly have: 1,000,000,000.00 in a currency with cents.
 * Larger is a typing slip (an order of 90 trillion), never a marketplace order; it also keeps
 * every sum of amounts far inside the safe integers.
 */
export const MAX_PLAUSIBLE_AMOUNT = 100_000_000_000;

/** The policy's years, as written in an instant: what lies outside is a typing error. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

export const PROBLEMS = {
  empty: 'must not be empty',
  negative: 'must not be negative',
  tooLarge: 'is too large for an order: at most 100,000,000,000 minor units (1,000,000,000.00 with cents)',
  fraction: 'must be a whole number of minor units (e.g. 19900 for 199.00), never a fraction',
  instantFormat: 'must be an ISO 8601 date-time with a UTC offset, e.g. 2026-03-01T10:00:00+08:00',
  notACalendarDate: 'is not a real calendar date and time',
  instantRange: `must be between ${EARLIEST_YEAR}-01-01 and ${LATEST_YEAR}-01-01 (UTC+8)`,
  voucherOverOrder: 'must not exceed orderAmount',
  beforePayment: 'must not be earlier than paidAt',
  paidInFuture: 'is later than now, and requestedAt was not given',
  expiryBeforePurchase: 'must be after paidAt: a package expires after it is bought',
  currency: 'must be an active ISO 4217 code such as CNY or USD',
  minutes: 'must be a number of minutes',
} as const;
export type ProblemCode = keyof typeof PROBLEMS;

const CODE_OF_TEXT = new Map<string, ProblemCode>(
  (Object.entries(PROBLEMS) as [ProblemCode, string][]).map(([code, text]) => [text, code]),
);

/** The code of a problem text this module words; undefined for any other text. */
export const problemCodeOf = (text: string): ProblemCode | undefined => CODE_OF_TEXT.get(text);

/**
 * The year an instant is written in, far outside the policy's years: refused by the schema,
 * so no caller stores a year 1 whether it decides or not. The written year may be one off the
 * policy zone's (1999-12-31T20:00-08:00 is already 2000 at UTC+8), so the precise bound,
 * offsets and nanoseconds included, stays the rules' (shared/policy/time).
 */
export function isImplausibleYear(text: string): boolean {
  const year = /^(\d{4})-/.exec(text)?.[1];
  return year !== undefined && (Number(year) < EARLIEST_YEAR - 1 || Number(year) > LATEST_YEAR);
}
