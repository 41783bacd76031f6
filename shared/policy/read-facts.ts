import type { Exclusions, Facts, ProductType } from '../model/facts';
import { PROBLEMS } from '../model/plausibility';
import {
  INSTANT_RANGE_PROBLEM,
  InstantFormatError,
  isInPolicyYears,
  lastSubMillisecond,
  parseInstant,
  type Instant,
} from './time';
import type { Policy, PolicyBook } from './versions';

/** Invalid input is an error naming the field, never a decision. */
export class InvalidFactsError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'InvalidFactsError';
  }
}

/**
 * The facts with instants parsed and defaults applied: what the kind rules work on. Each
 * instant is its milliseconds plus, in `…Sub`, the nanoseconds below them (0 when the policy
 * compares at the millisecond, as v1 did).
 */
export interface KnownFacts {
  productType: ProductType | undefined;
  orderAmount: number | undefined;
  voucherAmount: number;
  currency: string;
  invoiceIssued: boolean;
  paidAt: Instant | undefined;
  paidAtSub: number;
  requestedAt: Instant;
  requestedAtSub: number;
  requestedAtAssumed: boolean;
  billingMethod: Facts['billingMethod'];
  imageInUse: boolean | undefined;
  serviceStatus: Facts['serviceStatus'];
  guaranteeEndsAt: Instant | undefined;
  guaranteeEndsAtSub: number;
  exclusions: Exclusions;
  consumedMinutes: number | undefined;
  expiresAt: Instant | undefined;
  expiresAtSub: number;
}

const NO_EXCLUSIONS_KNOWN: Exclusions = {};
export const DEFAULT_CURRENCY = 'CNY';

type InstantField = 'paidAt' | 'requestedAt' | 'guaranteeEndsAt' | 'expiresAt';

// The sub-millisecond part of the instant instantOf read last; see lastSubMillisecond.
let sub = 0;

function instantOf(facts: Facts, field: InstantField): Instant | undefined {
  const text = facts[field];
  sub = 0;
  if (text === undefined) return undefined;
  let instant: Instant;
  try {
    instant = parseInstant(text);
  } catch (error) {
    if (error instanceof InstantFormatError) throw new InvalidFactsError(field, error.message);
    throw error;
  }
  sub = lastSubMillisecond();
  if (!isInPolicyYears(instant, sub)) throw new InvalidFactsError(field, INSTANT_RANGE_PROBLEM);
  return instant;
}

const isBefore = (a: Instant, aSub: number, b: Instant, bSub: number) => a < b || (a === b && aSub < bSub);

/**
 * Checks what the schema cannot see field by field (amount against voucher, order of
 * instants), parses the instants once, so each kind's rules compare plain numbers, and picks
 * the policy: the one given, or the book's version in force at the payment (at the
 * application when the payment time is unknown).
 */
export function readFacts(
  facts: Facts,
  now: Instant,
  policy: Policy | PolicyBook,
): { known: KnownFacts; policy: Policy } {
  const paidAt = instantOf(facts, 'paidAt');
  const paidAtSub = sub;
  const givenRequestedAt = instantOf(facts, 'requestedAt');
  const requestedAt = givenRequestedAt ?? now;
  const requestedAtSub = sub;
  const guaranteeEndsAt = instantOf(facts, 'guaranteeEndsAt');
  const guaranteeEndsAtSub = sub;
  const expiresAt = instantOf(facts, 'expiresAt');
  const expiresAtSub = sub;
  const voucherAmount = facts.voucherAmount ?? 0;
  if (facts.orderAmount !== undefined && voucherAmount > facts.orderAmount) {
    throw new InvalidFactsError('voucherAmount', PROBLEMS.voucherOverOrder);
  }
  if (paidAt !== undefined) {
    if (isBefore(requestedAt, requestedAtSub, paidAt, paidAtSub)) {
      throw givenRequestedAt === undefined
        ? new InvalidFactsError('paidAt', PROBLEMS.paidInFuture)
        : new InvalidFactsError('requestedAt', PROBLEMS.beforePayment);
    }
    if (guaranteeEndsAt !== undefined && isBefore(guaranteeEndsAt, guaranteeEndsAtSub, paidAt, paidAtSub)) {
      throw new InvalidFactsError('guaranteeEndsAt', PROBLEMS.beforePayment);
    }
    if (expiresAt !== undefined && !isBefore(paidAt, paidAtSub, expiresAt, expiresAtSub)) {
      throw new InvalidFactsError('expiresAt', PROBLEMS.expiryBeforePurchase);
    }
  }
  const chosen = 'inForceAt' in policy ? policy.inForceAt(paidAt ?? requestedAt) : policy;
  const precise = chosen.writtenPrecision;
  const known: KnownFacts = {
    productType: facts.productType,
    orderAmount: facts.orderAmount,
    voucherAmount,
    currency: facts.currency ?? DEFAULT_CURRENCY,
    invoiceIssued: facts.invoiceIssued === true,
    paidAt,
    paidAtSub: precise ? paidAtSub : 0,
    requestedAt,
    requestedAtSub: precise ? requestedAtSub : 0,
    requestedAtAssumed: givenRequestedAt === undefined,
    billingMethod: facts.billingMethod,
    imageInUse: facts.imageInUse,
    serviceStatus: facts.serviceStatus,
    guaranteeEndsAt,
    guaranteeEndsAtSub: precise ? guaranteeEndsAtSub : 0,
    exclusions: facts.exclusions ?? NO_EXCLUSIONS_KNOWN,
    consumedMinutes: facts.consumedMinutes,
    expiresAt,
    expiresAtSub: precise ? expiresAtSub : 0,
  };
  return { known, policy: chosen };
}
