import type { TraceStep } from '../model/decision';
import type { Facts } from '../model/facts';
import type { KnownFacts } from './read-facts';
import { formatInstant, type Instant } from './time';

type TracedFact = Exclude<keyof Facts, 'exclusions'> | `exclusions.${keyof NonNullable<Facts['exclusions']>}`;

/**
 * Collects a decision's trace while the rules run. The rules take a Tracer or null and call
 * it only when it is there, so a decision without a trace pays one null check per rule.
 */
export class Tracer {
  readonly steps: TraceStep[] = [];
  constructor(
    private readonly facts: Facts,
    private readonly known: KnownFacts,
  ) {}

  /** One rule checked: the facts it read, and whether it held (null: not known yet). */
  step(rule: string, read: readonly TracedFact[], holds: boolean | null, at?: Instant | null): void {
    const values: Record<string, string | number | boolean | null> = {};
    for (const fact of read) values[fact] = this.valueOf(fact);
    const step: TraceStep = { rule, read: values, holds };
    if (at !== undefined && at !== null) step.at = formatInstant(at);
    this.steps.push(step);
  }

  private valueOf(fact: TracedFact): string | number | boolean | null {
    if (fact.startsWith('exclusions.')) {
      const key = fact.slice('exclusions.'.length) as keyof NonNullable<Facts['exclusions']>;
      return this.facts.exclusions?.[key] ?? null;
    }
    // The application time the rules used, which is the current time when none was given.
    if (fact === 'requestedAt' && this.known.requestedAtAssumed) return formatInstant(this.known.requestedAt);
    return (
      (this.facts[fact as Exclude<keyof Facts, 'exclusions'>] as string | number | boolean | undefined) ??
      null
    );
  }
}
