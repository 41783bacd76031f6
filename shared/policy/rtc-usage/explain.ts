/**
 * Why did the package minutes run out, and where did the pay-as-you-go charge come from?
 * (refund policy §5). The choices this module makes where the rule book is brief:
 *
 * - Units. Minutes arrive with at most two decimals; factors are whole quarters. Accounting
 *   is done in whole 1/1200 minutes (units.ts), so quarter minutes and whole-second pieces
 *   stay exact and no sum can drift.
 * - Factors. Audio 0.25; video up to 360p 0.5, up to 720p 1, up to 1080p 3.75 (resolution is
 *   the frame height in pixels and is required for video, refused for audio). Above 1080p the
 *   call is not covered at all: factor null, 0 package minutes, the whole call pay-as-you-go.
 * - Order. Records are served in start order (input order among equal starts), and the output
 *   keeps that order. A package can serve a record when purchasedAt <= startedAt < expiresAt
 *   and it has minutes left. Since v1.1 a call that runs past a package's expiry (or starts
 *   before its purchase, or runs past midnight) is split there in whole seconds (split.ts), its
 *   minutes spread evenly over its duration; each piece draws from the packages valid over all
 *   of it. Under v1 a record is judged by its start alone.
 * - Stacking. A record draws from the valid package that expires first, then the next, and so
 *   on; equal expiries go to the earlier purchase, then the smaller id, so the result never
 *   depends on the order packages are listed in. One record may draw from several packages.
 * - Shortfall. What no valid package can give is `uncoveredPackageMinutes`; `payAsYouGo` is
 *   true when any part of the call is billed outside the packages (a shortfall, or a call
 *   above 1080p). Package minutes drawn + uncovered = call minutes × factor, always. The bill
 *   charges pay-as-you-go in call minutes at the call's own tier, so `uncoveredCallMinutes`
 *   says that: the uncovered package minutes over the factor (a piece of a call unit, 0.2 s,
 *   that a package covered only in part counts as uncovered), or the whole call above 1080p.
 * - Days. Calendar days are read in the policy time zone (UTC+8). The bill of a day is
 *   settled around 02:00 the next day, so settlementDay is the start day + 1; `days` gives
 *   each day's part of a record with its own settlement day.
 * - Relay. See relay.ts: per start day and billed profile; a missing profile is billed at
 *   16IN_1080P from 2020-06-01 23:00 UTC+8 on, and reported with profile null before then.
 */
import { isLater, lastSubMillisecond, parseInstant, type Instant } from '../time';
import { RULE_BOOK, type Policy } from '../versions';
import { factorFor } from './conversion';
import { policyDayOf } from './days';
import { summarizeRelay } from './relay';
import type { PackageInput, UsageInput, UsageRecordInput } from './schema';
import { settlementDayOf } from './settlement';
import { Cuts, durationMsOf, type Piece } from './split';
import type { DayPart, PackageDraw, UsageBreakdown, UsageLine } from './types';
import {
  callUnitsOf,
  callUnitsToMinutes,
  convertedSecondUnits,
  convertedUnits,
  hundredthsOf,
  packageUnitsOf,
  secondsToCallUnits,
  unitsToMinutes,
  type PackageUnits,
} from './units';

interface PackageAccount {
  id: string;
  purchasedAt: Instant;
  purchasedAtSub: number;
  expiresAt: Instant;
  expiresAtSub: number;
  size: PackageUnits;
  remaining: PackageUnits;
}

/** An instant with the nanoseconds below its millisecond, as the revision compares them. */
interface Precise {
  at: Instant;
  sub: number;
}

function preciseInstant(text: string, policy: Policy): Precise {
  const at = parseInstant(text);
  return { at, sub: policy.writtenPrecision ? lastSubMillisecond() : 0 };
}

function openAccount(pkg: PackageInput, policy: Policy): PackageAccount {
  const size = packageUnitsOf(pkg.minutes);
  const purchased = preciseInstant(pkg.purchasedAt, policy);
  const expires = preciseInstant(pkg.expiresAt, policy);
  return {
    id: pkg.id,
    purchasedAt: purchased.at,
    purchasedAtSub: purchased.sub,
    expiresAt: expires.at,
    expiresAtSub: expires.sub,
    size,
    remaining: size,
  };
}

/** The order packages are drawn in: first to expire first. */
function compareDrawOrder(a: PackageAccount, b: PackageAccount): number {
  if (a.expiresAt !== b.expiresAt) return a.expiresAt - b.expiresAt;
  if (a.expiresAtSub !== b.expiresAtSub) return a.expiresAtSub - b.expiresAtSub;
  if (a.purchasedAt !== b.purchasedAt) return a.purchasedAt - b.purchasedAt;
  if (a.purchasedAtSub !== b.purchasedAtSub) return a.purchasedAtSub - b.purchasedAtSub;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A piece of a call may draw from a package valid over all of it (half-open span). */
function isValidOver(account: PackageAccount, from: Instant, to: Instant, sub: number): boolean {
  return (
    !isLater(account.purchasedAt, account.purchasedAtSub, from, sub) &&
    !isLater(to, sub, account.expiresAt, account.expiresAtSub) &&
    isLater(account.expiresAt, account.expiresAtSub, from, sub)
  );
}

/** Takes up to `needed` units from the packages in draw order into `taken`; returns the rest. */
function drawUnits(
  accountsInDrawOrder: readonly PackageAccount[],
  canDraw: (account: PackageAccount) => boolean,
  needed: PackageUnits,
  taken: Map<string, PackageUnits>,
): PackageUnits {
  let uncovered = needed;
  for (const account of accountsInDrawOrder) {
    if (uncovered === 0) break;
    if (account.remaining === 0 || !canDraw(account)) continue;
    const units = Math.min(uncovered, account.remaining);
    account.remaining -= units;
    uncovered -= units;
    taken.set(account.id, (taken.get(account.id) ?? 0) + units);
  }
  return uncovered;
}

/** Adds a piece's minutes to its day, keeping days in order (pieces come in time order). */
function addToDay(
  days: { day: string; call: number; pkg: number }[],
  day: string,
  call: number,
  pkg: number,
): void {
  const last = days[days.length - 1];
  if (last !== undefined && last.day === day) {
    last.call += call;
    last.pkg += pkg;
  } else days.push({ day, call, pkg });
}

function explainRecord(
  record: UsageRecordInput,
  started: Precise,
  accountsInDrawOrder: readonly PackageAccount[],
  policy: Policy,
): UsageLine {
  const factor = factorFor(record, policy.usage.factors);
  const quarters = factor?.quarters ?? 0;
  const hundredths = hundredthsOf(record.minutes);
  const durationMs = durationMsOf(hundredths);
  const split = policy.usage.splitAtBoundaries;
  const startedAt = started.at;
  const cuts = new Cuts(startedAt, durationMs, started.sub);
  if (split) {
    cuts.atMidnights();
    for (const account of accountsInDrawOrder) {
      cuts.notBefore(account.purchasedAt, account.purchasedAtSub);
      cuts.notAfter(account.expiresAt, account.expiresAtSub);
    }
  }
  const needed = factor === null ? 0 : convertedUnits(record.minutes, quarters);
  const totalCall = callUnitsOf(record.minutes);
  const taken = new Map<string, PackageUnits>();
  const days: { day: string; call: number; pkg: number }[] = [];
  let uncovered = 0;
  let uncoveredCall = factor === null ? totalCall : 0;
  let callSoFar = 0;
  let pkgSoFar = 0;
  for (const piece of cuts.pieces()) {
    const call = piece.seconds === null ? totalCall - callSoFar : secondsToCallUnits(piece.seconds);
    const pkg = piece.seconds === null ? needed - pkgSoFar : convertedSecondUnits(piece.seconds, quarters);
    callSoFar += call;
    pkgSoFar += pkg;
    const from = startedAt + piece.from;
    addToDay(days, policyDayOf(from), call, pkg);
    const short = drawUnits(accountsInDrawOrder, canDrawFor(piece, from, started, split), pkg, taken);
    uncovered += short;
    // A piece's package units are its call units × quarters exactly (units.ts).
    if (short > 0) uncoveredCall += Math.ceil(short / quarters);
  }
  const draws: PackageDraw[] = [...taken].map(([id, units]) => ({
    package: id,
    minutes: unitsToMinutes(units),
  }));
  return {
    id: record.id,
    factor: factor?.factor ?? null,
    packageMinutes: unitsToMinutes(needed),
    draws,
    uncoveredPackageMinutes: unitsToMinutes(uncovered),
    uncoveredCallMinutes: callUnitsToMinutes(uncoveredCall),
    payAsYouGo: factor === null || uncovered > 0,
    settlementDay: settlementDayOf(startedAt),
    days: days.map((part): DayPart => ({
      day: part.day,
      minutes: callUnitsToMinutes(part.call),
      packageMinutes: unitsToMinutes(part.pkg),
      settlementDay: settlementDayOf(parseInstant(`${part.day}T00:00:00+08:00`)),
    })),
  };
}

/** v1.1: each piece by its own span; v1: the whole record by its start instant. */
function canDrawFor(piece: Piece, from: Instant, started: Precise, split: boolean) {
  // Pieces are whole seconds of the call's own clock: each bound keeps the start's nanoseconds.
  if (split) {
    const to = started.at + piece.to;
    return (account: PackageAccount) => isValidOver(account, from, to, started.sub);
  }
  return (account: PackageAccount) => account.purchasedAt <= started.at && started.at < account.expiresAt;
}

/**
 * Pure and deterministic: the same input always gives the same breakdown, in any time zone.
 * Judged by the given revision, the rule book's newest unless told.
 */
export function explainUsage(input: UsageInput, policy: Policy = RULE_BOOK.newest()): UsageBreakdown {
  const accounts = input.packages.map((pkg) => openAccount(pkg, policy));
  const accountsInDrawOrder = [...accounts].sort(compareDrawOrder);
  // Array.prototype.sort is stable, so records with equal starts keep their input order.
  const recordsInStartOrder = input.usage
    .map((record) => ({ record, startedAt: preciseInstant(record.startedAt, policy) }))
    .sort((a, b) => a.startedAt.at - b.startedAt.at || a.startedAt.sub - b.startedAt.sub);
  const relay = summarizeRelay(input.relay, policy);
  return {
    usage: recordsInStartOrder.map(({ record, startedAt }) =>
      explainRecord(record, startedAt, accountsInDrawOrder, policy),
    ),
    packages: accounts.map((account) => ({
      id: account.id,
      used: unitsToMinutes(account.size - account.remaining),
      remaining: unitsToMinutes(account.remaining),
    })),
    relay: relay.lines,
    relayTasks: relay.tasks,
  };
}
