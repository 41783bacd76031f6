import type { Exclusions, Facts, ProductType } from '../model/facts';
import { InstantFormatError, parseInstant, type Instant } from './time';

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

/** The facts with instants parsed and defaults applied: what the kind rules work on. */
export interface KnownFacts {
  productType: ProductType | undefined;
  orderAmount: number | undefined;
  voucherAmount: number;
  currency: string;
  invoiceIssued: boolean;
  paidAt: Instant | undefined;
  requestedAt: Instant;
  requestedAtAssumed: boolean;
  billingMethod: Facts['billingMethod'];
  imageInUse: boolean | undefined;
  serviceStatus: Facts['serviceStatus'];
  guaranteeEndsAt: Instant | undefined;
  exclusions: Exclusions;
  consumedMinutes: number | undefined;
  expiresAt: Instant | undefined;
}

const NO_EXCLUSIONS_KNOWN: Exclusions = {};
export const DEFAULT_CURRENCY = 'CNY';

function instantOf(facts: Facts, field: 'paidAt' | 'requestedAt' | 'guaranteeEndsAt' | 'expiresAt') {
  const text = facts[field];
  if (text === undefined) return undefined;
  try {
    return parseInstant(text);
  } catch (error) {
    if (error instanceof InstantFormatError) throw new InvalidFactsError(field, error.message);
    throw error;
  }
}

/**
 * Checks what the schema cannot see field by field (amount against voucher, order of
 * instants) and parses the instants once, so each kind's rules compare plain numbers.
 */
export function readFacts(facts: Facts, now: Instant): KnownFacts {
  const paidAt = instantOf(facts, 'paidAt');
  const givenRequestedAt = instantOf(facts, 'requestedAt');
  const requestedAt = givenRequestedAt ?? now;
  const voucherAmount = facts.voucherAmount ?? 0;
  if (facts.orderAmount !== undefined && voucherAmount > facts.orderAmount) {
    throw new InvalidFactsError('voucherAmount', 'must not exceed orderAmount');
  }
  if (paidAt !== undefined && requestedAt < paidAt) {
    throw givenRequestedAt === undefined
      ? new InvalidFactsError('paidAt', 'is later than now, and requestedAt was not given')
      : new InvalidFactsError('requestedAt', 'must not be earlier than paidAt');
  }
  return {
    productType: facts.productType,
    orderAmount: facts.orderAmount,
    voucherAmount,
    currency: facts.currency ?? DEFAULT_CURRENCY,
    invoiceIssued: facts.invoiceIssued === true,
    paidAt,
    requestedAt,
    requestedAtAssumed: givenRequestedAt === undefined,
    billingMethod: facts.billingMethod,
    imageInUse: facts.imageInUse,
    serviceStatus: facts.serviceStatus,
    guaranteeEndsAt: instantOf(facts, 'guaranteeEndsAt'),
    exclusions: facts.exclusions ?? NO_EXCLUSIONS_KNOWN,
    consumedMinutes: facts.consumedMinutes,
    expiresAt: instantOf(facts, 'expiresAt'),
  };
}
