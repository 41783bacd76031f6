import { DAY_MS, type Instant } from '../time';

/**
 * Where a call or relay task is cut (v1.1): at each package expiry or purchase and at each
 * midnight of the policy zone that falls inside it. Cuts fall on whole seconds of the call's
 * own clock, so every piece but the last is a whole number of seconds (exact in package and
 * call units, see units.ts); the last piece takes the rest. A cut that is not on a whole
 * second is moved so that no part of a call draws from a package outside its validity span:
 * an expiry cut moves earlier, a purchase cut later. A midnight cut moves later too, so the
 * fraction of a second after midnight is counted with the day before.
 */

const SECOND_MS = 1000;
const NS_PER_MS = 1_000_000;
const POLICY_OFFSET_MS = 8 * 3_600_000;

/** Where a piece of a call lies, in milliseconds since the call's start. */
export interface Piece {
  from: number;
  to: number;
  /** Whole seconds of the piece, or null for the last piece, which takes the remainder. */
  seconds: number | null;
}

export class Cuts {
  private readonly offsets = new Set<number>();
  /**
   * Instants come with the nanoseconds below their millisecond (`…Sub`, 0 when none were
   * written or the revision compares at the millisecond): an expiry 500 ns after a call's
   * start still cuts it at its first second.
   */
  constructor(
    private readonly startedAt: Instant,
    private readonly durationMs: number,
    private readonly startedAtSub = 0,
  ) {}

  /** The part from `instant` on must not be counted before it (a purchase, a midnight). */
  notBefore(instant: Instant, instantSub = 0): void {
    const [ms, ns] = this.offsetOf(instant, instantSub);
    // A fraction of a millisecond past a whole second still needs the next one.
    this.add((ns === 0 ? Math.ceil(ms / SECOND_MS) : Math.floor(ms / SECOND_MS) + 1) * SECOND_MS);
  }

  /** The part before `instant` must not run past it (an expiry). */
  notAfter(instant: Instant, instantSub = 0): void {
    this.add(Math.floor(this.offsetOf(instant, instantSub)[0] / SECOND_MS) * SECOND_MS);
  }

  /** The instant's offset from the start: whole milliseconds, and 0 <= nanoseconds < 1 ms beyond them. */
  private offsetOf(instant: Instant, instantSub: number): [number, number] {
    const ns = instantSub - this.startedAtSub;
    const ms = instant - this.startedAt;
    return ns < 0 ? [ms - 1, ns + NS_PER_MS] : [ms, ns];
  }

  /** Every midnight of the policy zone inside the call. */
  atMidnights(): void {
    const end = this.startedAt + this.durationMs;
    let midnight =
      Math.floor((this.startedAt + POLICY_OFFSET_MS) / DAY_MS) * DAY_MS - POLICY_OFFSET_MS + DAY_MS;
    for (; midnight < end; midnight += DAY_MS) this.notBefore(midnight);
  }

  private add(offset: number): void {
    if (offset > 0 && offset < this.durationMs) this.offsets.add(offset);
  }

  pieces(): Piece[] {
    const sorted = [...this.offsets].sort((a, b) => a - b);
    const pieces: Piece[] = [];
    let from = 0;
    for (const to of sorted) {
      pieces.push({ from, to, seconds: (to - from) / SECOND_MS });
      from = to;
    }
    pieces.push({ from, to: this.durationMs, seconds: null });
    return pieces;
  }
}

/** A call of `hundredths` minutes lasts this many milliseconds (a hundredth is 600 ms). */
export function durationMsOf(hundredths: number): number {
  return hundredths * 600;
}
