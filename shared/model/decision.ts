import { z } from 'zod';
import { ACTION_IDS, CLAUSE_IDS } from './clause-ids';
import { FACT_IDS } from './catalogue';

export const OUTCOMES = ['eligible', 'conditional', 'ineligible', 'needs_info'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcomes that refund the customer: the one definition every check and query reads. */
export const REFUNDING_OUTCOMES = ['eligible', 'conditional'] as const satisfies readonly Outcome[];
export const refunds = (outcome: Outcome | null | undefined): boolean =>
  (REFUNDING_OUTCOMES as readonly (Outcome | null | undefined)[]).includes(outcome);
/** REFUNDING_OUTCOMES as an SQL list, for `outcome IN ${REFUNDING_OUTCOMES_SQL}`. */
export const REFUNDING_OUTCOMES_SQL = `(${REFUNDING_OUTCOMES.map((outcome) => `'${outcome}'`).join(', ')})`;

const clauseId = z.enum(CLAUSE_IDS);
const actionId = z.enum(ACTION_IDS);

const factValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * How a decision was reached: each rule checked, in order, with the facts it read (null when
 * unknown) and whether it held (null when the facts could not tell yet). Versioned by
 * `format`, so reports can read traces stored by earlier releases.
 */
export const DecisionTraceSchema = z.object({
  format: z.literal(1),
  steps: z.array(
    z.object({
      rule: z.string(),
      read: z.record(z.string(), factValue),
      holds: z.boolean().nullable(),
      /** The instant the rule turns on (a window's close), when it has one. */
      at: z.string().optional(),
    }),
  ),
});
export type DecisionTrace = z.infer<typeof DecisionTraceSchema>;
export type TraceStep = DecisionTrace['steps'][number];

export const DecisionSchema = z.object({
  outcome: z.enum(OUTCOMES),
  /** Minor units; 0 when ineligible; null while facts are missing. */
  refundAmount: z.number().int().nonnegative().nullable(),
  currency: z.string(),
  clauses: z.array(clauseId),
  /** What the customer must do, in the order they do it. */
  actions: z.array(actionId),
  /** Facts that could still change the answer, in the order an agent should ask them. */
  missing: z.array(z.enum(FACT_IDS)),
  windowClosesAt: z.string().nullable(),
  /** The instant eligibility was judged at. */
  requestedAt: z.string(),
  requestedAtAssumed: z.boolean(),
  policyVersion: z.string(),
  /** The revision of that version; decisions stored before revisions existed were made under v1. */
  policyRevision: z.string().default('v1'),
  reasons: z.array(z.object({ clause: clauseId, text: z.string() })),
  /** Present when the caller asked for it; every recorded decision has one. */
  trace: DecisionTraceSchema.optional(),
});

export type Decision = z.infer<typeof DecisionSchema>;
