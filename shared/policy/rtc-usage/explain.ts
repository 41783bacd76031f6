/**
 * Why did the package minutes run out, and where did the pay-as-you-go charge come from?
 * (refund policy §5). The choices this module makes where the rule book is brief:
 *
 * - Units. Minutes arrive with at most two decimals; factors are whole quarters. Accounting
 *   is done in whole 1/400 minutes, so quarter minutes stay exact and no sum can drift.
 * - Factors. Audio 0.25; video up to 360p 0.5, up to 720p 1, up to 1080p 3.75 (resolution is
 *   the frame height in pixels and is required for video, refused for audio). Above 1080p the
 *   call is not covered at all: factor null, 0 package minutes, the whole call pay-as-you-go.
 * - Order. Records are served in start order (input order among equal starts), and the output
 *   keeps that order. A package can serve a record when purchasedAt <= startedAt < expiresAt
 *   and it has minutes left; a record is judged by its start alone, even if the call runs on
 *   past an expiry.
 * - Stacking. A record draws from the valid package that expires first, then the next, and so
 *   on; equal expiries go to the earlier purchase, then the smaller id, so the result never
 *   depends on the order packages are listed in. One record may draw from several packages.
 * - Shortfall. What no valid package can give is `uncoveredPackageMinutes`; `payAsYouGo` is
 *   true when any part of the call is billed outside the packages (a shortfall, or a call
 *   above 1080p). Package minutes drawn + uncovered = call minutes × factor, always.
 * - Days. Calendar days are read in the policy time zone (UTC+8). The bill of a day is
 *   settled around 02:00 the next day, so settlementDay is the start day + 1.
 * - Relay. See relay.ts: per start day and billed profile; a missing profile is billed at
 *   16IN_1080P from 2020-06-01 23:00 UTC+8 on, and reported with profile null before then.
 */
import { parseInstant, type Instant } from '../time';
import { factorFor } from './conversion';
import { summarizeRelay } from './relay';
import type { PackageInput, UsageInput, UsageRecordInput } from './schema';
import { settlementDayOf } from './settlement';
import type { PackageDraw, UsageBreakdown, UsageLine } from './types';
import { convertedUnits, packageUnitsOf, unitsToMinutes, type PackageUnits } from './units';

interface PackageAccount {
  id: string;
  purchasedAt: Instant;
  expiresAt: Instant;
  size: PackageUnits;
  remaining: PackageUnits;
}

function openAccount(pkg: PackageInput): PackageAccount {
  const size = packageUnitsOf(pkg.minutes);
  return {
    id: pkg.id,
    purchasedAt: parseInstant(pkg.purchasedAt),
    expiresAt: parseInstant(pkg.expiresAt),
    size,
    remaining: size,
  };
}

/** The order packages are drawn in: first to expire first. */
function compareDrawOrder(a: PackageAccount, b: PackageAccount): number {
  if (a.expiresAt !== b.expiresAt) return a.expiresAt - b.expiresAt;
  if (a.purchasedAt !== b.purchasedAt) return a.purchasedAt - b.purchasedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function isValidAt(account: PackageAccount, instant: Instant): boolean {
  return account.purchasedAt <= instant && instant < account.expiresAt;
}

/** Takes up to `needed` units from the packages in draw order; returns the draws and the rest. */
function drawUnits(
  accountsInDrawOrder: readonly PackageAccount[],
  startedAt: Instant,
  needed: PackageUnits,
): { draws: PackageDraw[]; uncovered: PackageUnits } {
  const draws: PackageDraw[] = [];
  let uncovered = needed;
  for (const account of accountsInDrawOrder) {
    if (uncovered === 0) break;
    if (account.remaining === 0 || !isValidAt(account, startedAt)) continue;
    const taken = Math.min(uncovered, account.remaining);
    account.remaining -= taken;
    uncovered -= taken;
    draws.push({ package: account.id, minutes: unitsToMinutes(taken) });
  }
  return { draws, uncovered };
}

function explainRecord(
  record: UsageRecordInput,
  startedAt: Instant,
  accountsInDrawOrder: readonly PackageAccount[],
): UsageLine {
  const settlementDay = settlementDayOf(startedAt);
  const factor = factorFor(record);
  if (factor === null) {
    return {
      id: record.id,
      factor: null,
      packageMinutes: 0,
      draws: [],
      uncoveredPackageMinutes: 0,
      payAsYouGo: true,
      settlementDay,
    };
  }
  const needed = convertedUnits(record.minutes, factor.quarters);
  const { draws, uncovered } = drawUnits(accountsInDrawOrder, startedAt, needed);
  return {
    id: record.id,
    factor: factor.factor,
    packageMinutes: unitsToMinutes(needed),
    draws,
    uncoveredPackageMinutes: unitsToMinutes(uncovered),
    payAsYouGo: uncovered > 0,
    settlementDay,
  };
}

/** Pure and deterministic: the same input always gives the same breakdown, in any time zone. */
export function explainUsage(input: UsageInput): UsageBreakdown {
  const accounts = input.packages.map(openAccount);
  const accountsInDrawOrder = [...accounts].sort(compareDrawOrder);
  // Array.prototype.sort is stable, so records with equal starts keep their input order.
  const recordsInStartOrder = input.usage
    .map((record) => ({ record, startedAt: parseInstant(record.startedAt) }))
    .sort((a, b) => a.startedAt - b.startedAt);
  return {
    usage: recordsInStartOrder.map(({ record, startedAt }) =>
      explainRecord(record, startedAt, accountsInDrawOrder),
    ),
    packages: accounts.map((account) => ({
      id: account.id,
      used: unitsToMinutes(account.size - account.remaining),
      remaining: unitsToMinutes(account.remaining),
    })),
    relay: summarizeRelay(input.relay),
  };
}
