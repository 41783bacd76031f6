import type { Facts } from '../model/facts';
import {
  explainUsage,
  formatInputError,
  parseUsageInput,
  type UsageBreakdown,
  type UsageInput,
} from './rtc-usage';
import { parseInstant } from './time';

/** A usage export as text: read and explained, or what is wrong with it. */
export type ReadUsageExport =
  { ok: true; input: UsageInput; breakdown: UsageBreakdown } | { ok: false; problem: string };

export function readUsageExport(text: string): ReadUsageExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  const parsed = parseUsageInput(json);
  if (!parsed.ok) return { ok: false, problem: formatInputError(parsed.error) };
  return { ok: true, input: parsed.value, breakdown: explainUsage(parsed.value) };
}

/** What a case's usage export says about its "minutes used" fact. */
export interface MinutesDrawn {
  /** Package minutes the export shows drawn from the case's package (all packages when unsure which). */
  drawn: number;
  /** The package it counted, when the export shows which one the case is about. */
  packageId: string | null;
  /** True when the case's fact says otherwise than the export. */
  contradicts: boolean;
}

/**
 * The case's package in the export is the one expiring when the case's package does, or the
 * only one; with several and no expiry known, what all of them drew is counted, since any
 * minute drawn means a package was used. A fact of 0 beside minutes drawn is the mistake that
 * refunds a used package.
 */
export function minutesDrawn(
  facts: Facts,
  input: UsageInput,
  breakdown: UsageBreakdown,
): MinutesDrawn | null {
  if (facts.productType !== 'rtc_package' || breakdown.packages.length === 0) return null;
  const expiry = facts.expiresAt === undefined ? null : parseInstant(facts.expiresAt);
  const matching = input.packages.find((pkg) => expiry !== null && parseInstant(pkg.expiresAt) === expiry);
  const only = input.packages.length === 1 ? input.packages[0] : undefined;
  const packageId = (matching ?? only)?.id ?? null;
  const counted = breakdown.packages.filter((balance) => packageId === null || balance.id === packageId);
  const drawn = counted.reduce((sum, balance) => sum + balance.used, 0);
  const known = facts.consumedMinutes;
  return { drawn, packageId, contradicts: known !== undefined && Math.abs(known - drawn) > 1e-9 };
}
