/**
 * Which words stand nearest a value in its clause. A value's meaning (is this amount the order
 * or the voucher, is this time the payment or the request) comes from the cue closest to it
 * within its clause, never from a cue across a sentence or a comma.
 */

// A sentence end, a line break, a semicolon; a full stop only before a space (not "199.00");
// a comma only before a word (not "1,299" nor "March 5, 2026").
const BOUNDARY = /[。；;！!？?\n]|\.(?=\s)|,(?!\s*\d)|，/g;

/** The clause around [start, end): boundaries inside the span do not cut it. */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  let from = 0;
  let to = text.length;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(text); match !== null; match = BOUNDARY.exec(text)) {
    if (match.index < start) from = match.index + 1;
    else if (match.index >= end) {
      to = match.index;
      break;
    }
  }
  return [from, to];
}

/**
 * A kind of cue and the pattern that finds it (global); 'before' when it only speaks of what
 * follows it ("about ¥300" is an estimate, "¥300 (about $42)" is not).
 */
export type Cues<K extends string> = readonly (readonly [K, RegExp, 'before'?])[];

/** The furthest a cue may stand from its value, in characters between them. */
const REACH = 30;

/**
 * The kind of the cue nearest the span within its clause and reach, or undefined. On a tie the
 * cue before the value wins (English and Chinese both mostly name the thing first).
 */
export function nearestCue<K extends string>(
  text: string,
  start: number,
  end: number,
  cues: Cues<K>,
): K | undefined {
  const [from, to] = clauseAround(text, start, end);
  let best: { kind: K; gap: number } | undefined;
  for (const [kind, pattern, side] of cues) {
    pattern.lastIndex = 0;
    const clause = text.slice(from, to);
    for (let match = pattern.exec(clause); match !== null; match = pattern.exec(clause)) {
      const cueStart = from + match.index;
      const cueEnd = cueStart + match[0].length;
      if ((cueEnd > start && cueStart < end) || (side === 'before' && cueEnd > start)) continue;
      const gap = cueEnd <= start ? start - cueEnd : cueStart - end + 0.5;
      if (gap <= REACH && (best === undefined || gap < best.gap)) best = { kind, gap };
    }
  }
  return best?.kind;
}
