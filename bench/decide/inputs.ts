import type { Facts } from '../../shared/model/facts';
import { parseFacts } from '../../shared/policy';

export const NOW = Date.parse('2026-06-01T00:00:00Z');
const PAID = Date.parse('2026-03-01T04:00:00Z');
const HOUR = 3_600_000;

/** A deterministic mix of SaaS and image requests, all facts known, inside and outside the window. */
export function benchInputs(count: number): Facts[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const inputs: Facts[] = [];
  for (let i = 0; i < count; i++) {
    const image = next() < 0.5;
    const raw = {
      productType: image ? 'image' : 'saas',
      paidAt: new Date(PAID).toISOString(),
      requestedAt: new Date(PAID + Math.floor(next() * 10 * 24) * HOUR).toISOString(),
      orderAmount: 1000 + Math.floor(next() * 100_000),
      ...(image && {
        billingMethod: next() < 0.2 ? 'pay_as_you_go' : 'subscription',
        imageInUse: next() < 0.5,
      }),
    };
    const parsed = parseFacts(raw, NOW);
    if (!parsed.ok) throw new Error(`bench input ${i}: ${parsed.error.field}: ${parsed.error.message}`);
    inputs.push(parsed.facts);
  }
  return inputs;
}

/** The facts the rule engines see: they cannot parse instants, so elapsed time is given. */
export function engineFacts(facts: Facts) {
  return {
    productType: facts.productType,
    billingMethod: facts.billingMethod ?? null,
    imageInUse: facts.imageInUse ?? null,
    elapsedMs: Date.parse(facts.requestedAt!) - Date.parse(facts.paidAt!),
  };
}
