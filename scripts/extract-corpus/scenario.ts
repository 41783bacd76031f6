/**
 * The facts behind one corpus message, drawn from a seeded generator so the corpus is the same
 * on every run. The phrasing lives in en.ts and zh.ts; this file only decides what is true.
 */
import type { ProductType } from '../../shared/model/facts';

export type Expected = [fact: string, value: string | number | boolean][];

/** A small seeded generator (mulberry32): the corpus must not change between runs. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof random>;

export interface Wall {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A wall-clock time in a zone written as an offset in minutes, as decide reads it. */
export const isoOf = (w: Wall, offset: number) =>
  `${w.y}-${pad(w.m)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;

export function wall(r: Random, after?: Wall): Wall {
  if (after !== undefined) {
    const d = Math.min(28, after.d + r.int(1, 6));
    return {
      y: after.y,
      m: d === after.d ? after.m + 1 : after.m,
      d,
      h: r.int(8, 22),
      mi: r.int(0, 59),
      s: 0,
    };
  }
  return { y: 2026, m: r.int(1, 10), d: r.int(1, 22), h: r.int(0, 23), mi: r.int(0, 59), s: 0 };
}

export function orderId(r: Random): string {
  return r.pick([
    () => `ORD-2026-${pad(r.int(1, 99999), 5)}`,
    () => `2026${pad(r.int(1, 12))}${pad(r.int(1, 28))}${pad(r.int(0, 99999999), 8)}`,
    () => `SO-${r.int(10000, 99999)}`,
    () => `MKT-${r.pick(['7F3K', 'Q2ZB', 'X9LM', 'B4TR'])}-${r.int(1000, 99999)}`,
    () => `CM${r.int(100000000, 999999999)}`,
    () => `A-${r.int(10000, 99999)}`,
  ])();
}

/** An amount in minor units and how a customer may write it. */
export function amount(r: Random, low: number, high: number): { minor: number; written: string } {
  const whole = r.int(low, high);
  const cents = r.pick([0, 0, 0, 50, 90, r.int(1, 99)]);
  const minor = whole * 100 + cents;
  const grouped = whole >= 1000 && r.chance(0.5) ? whole.toLocaleString('en-US') : String(whole);
  const written = cents === 0 ? r.pick([grouped, `${grouped}.00`]) : `${grouped}.${pad(cents)}`;
  return { minor, written };
}

export interface Scenario {
  kind: ProductType;
  orderId: string;
  currency: 'CNY' | 'USD';
  order: { minor: number; written: string };
  voucher?: { minor: number; written: string };
  paid: Wall;
  requested: Wall;
  imageInUse?: boolean;
  serviceInProgress?: boolean;
  invoiceIssued?: boolean;
  minutes?: number;
  payg?: boolean;
}

export function scenario(r: Random): Scenario {
  const kind = r.pick(['saas', 'service', 'image', 'api', 'rtc_package'] as const);
  const order = amount(r, 9, r.chance(0.3) ? 20000 : 2000);
  const paid = wall(r);
  return {
    kind,
    orderId: orderId(r),
    currency: r.chance(0.2) ? 'USD' : 'CNY',
    order,
    ...(r.chance(0.3) ? { voucher: amount(r, 5, Math.max(5, Math.floor(order.minor / 300))) } : {}),
    paid,
    requested: wall(r, paid),
    ...(kind === 'image' ? { imageInUse: r.chance(0.5), payg: r.chance(0.5) } : {}),
    ...(kind === 'service' ? { serviceInProgress: r.chance(0.5) } : {}),
    ...(kind === 'rtc_package' ? { minutes: r.int(3, 2400) } : {}),
    ...(r.chance(0.6) ? { invoiceIssued: r.chance(0.5) } : {}),
  };
}
