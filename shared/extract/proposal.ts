import type { FactKey } from '../model/facts';

/** What a proposal may set: a fact the rules read, or the case's order id. */
export type ProposalFact = FactKey | 'orderId';

/**
 * One fact read from a customer's message, never applied until an agent accepts it. `value` is
 * in the form decide() takes (minor units, ISO 8601 with its offset, catalogue ids); `start`
 * and `end` are the UTF-16 offsets of `text` in the message, as a JavaScript string counts them.
 */
export interface Proposal {
  fact: ProposalFact;
  value: string | number | boolean;
  text: string;
  start: number;
  end: number;
  /** Set when the message gave a time without its zone, so it was read in the policy zone. */
  assumed?: 'policyZone';
}

/** A match before it is placed in the message: where it lies in the text and what it proposes. */
export interface Found {
  fact: ProposalFact;
  value: Proposal['value'];
  start: number;
  end: number;
  assumed?: 'policyZone';
}

/**
 * Full-width ASCII (Ａ-ｚ, ０-９, ：，（）) folded to ASCII, one character for one, so that the
 * patterns read what a Chinese keyboard types and the offsets still point into the original.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** Every match of a global pattern, with its offsets. */
export function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  if (!pattern.global) throw new Error(`pattern ${pattern} must be global`);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0] === '') pattern.lastIndex++;
    yield match;
  }
}
