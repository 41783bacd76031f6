import { describe, expect, it } from 'vitest';
import { decide } from '../../shared/policy';
import { jsonRulesEngine, zenEngine } from './engines';
import { benchInputs, engineFacts, NOW } from './inputs';

// The benchmark compares like with like only if every engine reaches the same outcomes.
describe('the benchmark rule encodings', () => {
  const inputs = benchInputs(500);
  const expected = inputs.map((facts) => decide(facts, { now: NOW }).outcome);

  it('cover every outcome', () => {
    expect(new Set(expected)).toEqual(new Set(['eligible', 'conditional', 'ineligible']));
  });

  it.each([
    ['json-rules-engine', jsonRulesEngine],
    ['zen-engine', zenEngine],
  ])('%s agrees with decide()', async (_name, make) => {
    const run = make();
    const outcomes = [];
    for (const facts of inputs) outcomes.push(await run(engineFacts(facts)));
    expect(outcomes).toEqual(expected);
  });
});
