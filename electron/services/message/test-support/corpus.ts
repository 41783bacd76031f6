import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractProposals, type Proposal } from '../../../../shared/extract';
import { readMessage } from '..';

/** The extraction corpus: customer messages and, in expected.json, the facts a careful agent takes from each. */
export const CORPUS_DIR = join(import.meta.dirname, '../fixtures/corpus');

export interface CorpusMessage {
  name: string;
  bytes: Uint8Array;
  expected: [string, unknown][];
}

export function loadCorpus(): CorpusMessage[] {
  const expected = JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as Record<
    string,
    [string, unknown][]
  >;
  const names = readdirSync(CORPUS_DIR).filter((name) => name !== 'expected.json');
  return names.sort().map((name) => {
    if (!Object.hasOwn(expected, name)) throw new Error(`${name} has no expected facts`);
    return { name, bytes: readFileSync(join(CORPUS_DIR, name)), expected: expected[name]! };
  });
}

const key = (fact: string, value: unknown) => `${fact}=${JSON.stringify(value)}`;

export interface Score {
  messages: number;
  proposed: number;
  correct: number;
  expected: number;
  precision: number;
  recall: number;
  /** Each message's wrong and missed proposals, for reading what went wrong. */
  misses: { name: string; wrong: string[]; missed: string[] }[];
  /** Each message's text as read, and what was proposed from it. */
  read: Map<string, { text: string; proposals: Proposal[] }>;
}

/** Reads every message as the console does (mail or text), extracts, and counts against the expected facts. */
export async function scoreCorpus(corpus: CorpusMessage[]): Promise<Score> {
  let [proposed, correct, expectedCount] = [0, 0, 0];
  const misses: Score['misses'] = [];
  const read: Score['read'] = new Map();
  for (const message of corpus) {
    const { text } = await readMessage(message.bytes, message.name);
    const found = extractProposals(text);
    read.set(message.name, { text, proposals: found });
    const got = new Set(found.map((p) => key(p.fact, p.value)));
    const want = new Set(message.expected.map(([fact, value]) => key(fact, value)));
    const wrong = [...got].filter((one) => !want.has(one));
    const missed = [...want].filter((one) => !got.has(one));
    proposed += got.size;
    expectedCount += want.size;
    correct += got.size - wrong.length;
    if (wrong.length + missed.length > 0) misses.push({ name: message.name, wrong, missed });
  }
  return {
    messages: corpus.length,
    proposed,
    correct,
    expected: expectedCount,
    precision: proposed === 0 ? 1 : correct / proposed,
    recall: expectedCount === 0 ? 1 : correct / expectedCount,
    misses,
    read,
  };
}
