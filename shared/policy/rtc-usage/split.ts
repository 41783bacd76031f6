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
  constructor(
    private readonly startedAt: Instant,
    private readonly durationMs: number,
  ) {}

  /** The part from `instant` on must not be counted before it (a purchase, a midnight). */
  notBefore(instant: Instant): void {
    this.add(Math.ceil((instant - this.startedAt) / SECOND_MS) * SECOND_MS);
  }

  /** The part before `instant` must not run past it (an expiry). */
  notAfter(instant: Instant): void {
    this.add(Math.floor((instant - this.startedAt) / SECOND_MS) * SECOND_MS);
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
