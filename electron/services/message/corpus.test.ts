import { describe, expect, it } from 'vitest';
import { loadCorpus, scoreCorpus } from './test-support/corpus';

describe('the extraction corpus', () => {
  const corpus = loadCorpus();

  it('holds at least 200 messages, half English and half Chinese, of every shape', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const english = corpus.filter((message) => message.name.startsWith('en-')).length;
    expect(english).toBe(corpus.length / 2);
    expect(corpus.filter((message) => message.name.endsWith('.eml')).length).toBeGreaterThanOrEqual(20);
    expect(corpus.filter((message) => message.expected.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('proposes with precision >= 0.95 and recall >= 0.85, each proposal at its place in the message', async () => {
    const score = await scoreCorpus(corpus);
    console.log(
      `extraction corpus: ${score.messages} messages, ${score.proposed} proposed, ${score.correct} correct, ` +
        `${score.expected} expected: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`,
    );
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
    for (const [name, { text, proposals }] of score.read) {
      for (const proposal of proposals)
        expect([name, text.slice(proposal.start, proposal.end)]).toEqual([name, proposal.text]);
    }
  });
});
