import { ZenEngine } from '@gorules/zen-engine';
import { Engine, type NestedCondition } from 'json-rules-engine';
import type { engineFacts } from './inputs';

/**
 * The SaaS and image rules encoded for two general rule engines, as a team would write them
 * there: the same outcomes as decide() for fully known facts (checked by engines.test.ts).
 */
type EngineFacts = ReturnType<typeof engineFacts>;
export type Outcome = 'eligible' | 'conditional' | 'ineligible';
const WINDOW_MS = 5 * 24 * 3_600_000;

export function jsonRulesEngine(): (facts: EngineFacts) => Promise<Outcome> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const rule = (priority: number, outcome: Outcome, all: NestedCondition[]) =>
    engine.addRule({ priority, conditions: { all }, event: { type: outcome } });
  const is = (fact: string, value: unknown) => ({ fact, operator: 'equal', value });
  const inside = { fact: 'elapsedMs', operator: 'lessThanInclusive', value: WINDOW_MS };
  const outside = { fact: 'elapsedMs', operator: 'greaterThan', value: WINDOW_MS };
  rule(6, 'eligible', [is('productType', 'saas'), inside]);
  rule(5, 'ineligible', [is('productType', 'saas'), outside]);
  rule(4, 'ineligible', [is('productType', 'image'), is('billingMethod', 'pay_as_you_go')]);
  rule(3, 'ineligible', [is('productType', 'image'), is('billingMethod', 'subscription'), outside]);
  rule(2, 'conditional', [
    is('productType', 'image'),
    is('billingMethod', 'subscription'),
    inside,
    is('imageInUse', true),
  ]);
  rule(1, 'eligible', [
    is('productType', 'image'),
    is('billingMethod', 'subscription'),
    inside,
    is('imageInUse', false),
  ]);
  return async (facts) => {
    const { events } = await engine.run(facts);
    return events[0]!.type as Outcome;
  };
}

export function zenEngine(): (facts: EngineFacts) => Promise<Outcome> {
  const cell = (rule: string[]) => ({
    _id: rule.join('|'),
    product: rule[0],
    billing: rule[1],
    elapsed: rule[2],
    inUse: rule[3],
    outcome: rule[4],
  });
  const rules = [
    ['"saas"', '', `<= ${WINDOW_MS}`, '', '"eligible"'],
    ['"saas"', '', `> ${WINDOW_MS}`, '', '"ineligible"'],
    ['"image"', '"pay_as_you_go"', '', '', '"ineligible"'],
    ['"image"', '"subscription"', `> ${WINDOW_MS}`, '', '"ineligible"'],
    ['"image"', '"subscription"', `<= ${WINDOW_MS}`, 'true', '"conditional"'],
    ['"image"', '"subscription"', `<= ${WINDOW_MS}`, 'false', '"eligible"'],
  ].map(cell);
  const content = {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'table',
        type: 'decisionTableNode',
        name: 'Refund',
        position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first',
          inputs: [
            { id: 'product', name: 'Product', field: 'productType' },
            { id: 'billing', name: 'Billing', field: 'billingMethod' },
            { id: 'elapsed', name: 'Elapsed', field: 'elapsedMs' },
            { id: 'inUse', name: 'In use', field: 'imageInUse' },
          ],
          outputs: [{ id: 'outcome', name: 'Outcome', field: 'outcome' }],
          rules,
        },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'table', type: 'edge' },
      { id: 'e2', sourceId: 'table', targetId: 'response', type: 'edge' },
    ],
  };
  const decision = new ZenEngine().createDecision(content);
  return async (facts) => ((await decision.evaluate(facts)).result as { outcome: Outcome }).outcome;
}
