// The extractor on the corpus: precision and recall against the facts a careful agent takes,
// per language and per fact, and how long extraction takes per message (mail decoding apart).
import { loadavg } from 'node:os';
import { extractProposals } from '../../shared/extract';
import { loadCorpus, scoreCorpus } from '../../electron/services/message/test-support/corpus';
import { percentiles } from '../measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);

const corpus = loadCorpus();
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

console.log(`load average at start: ${loadavg()[0]!.toFixed(2)}`);
for (const [label, part] of [
  ['all', corpus],
  ['English', corpus.filter((message) => message.name.startsWith('en-'))],
  ['Chinese', corpus.filter((message) => message.name.startsWith('zh-'))],
] as const) {
  const score = await scoreCorpus(part);
  console.log(
    `${label}: ${score.messages} messages, ${score.proposed} proposed, ${score.correct} correct, ` +
      `${score.expected} expected: precision ${percent(score.precision)}, recall ${percent(score.recall)}`,
  );
}

const texts = [...(await scoreCorpus(corpus)).read.values()].map((message) => message.text);
const row = percentiles('extract, all messages', '', ROUNDS, () =>
  texts.forEach((text) => extractProposals(text)),
);
const perMessage = (text: string) => `${((Number.parseFloat(text) * 1000) / texts.length).toFixed(0)} µs`;
console.log(
  `extraction of the ${texts.length} messages: p50 ${row.p50}, p95 ${row.p95} (${perMessage(row.p50)} a message at p50)`,
);
