import { z } from 'zod';
import { CaseChangeSchema, CaseRefSchema } from '../model/case';
import { agentName, method } from './method';

// Team mode as the console sees it: where the team server stands, per case whether it is
// synced, and the agent's part in it (settling a conflict, claiming a case on the server).

const agent = agentName;

export const TeamStatusSchema = z.object({
  configured: z.boolean(),
  /** The server's URL as set (it never holds the password). */
  server: z.string().nullable(),
  login: z.string().nullable(),
  /** null before the first round since the console started. */
  online: z.boolean().nullable(),
  syncing: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** Changes made here that the server does not have yet. */
  waiting: z.number().int(),
  /** Cases with a conflict to settle. */
  conflicts: z.number().int(),
  /** Changes the team server refused, parked with its reasons (`refund-console team status`). */
  refused: z.array(
    z.object({ eventId: z.string(), ref: CaseRefSchema.nullable(), kind: z.string(), reason: z.string() }),
  ),
  /** Team changes of a kind this release does not know (a newer one's): applied after an upgrade. */
  held: z.array(z.object({ eventId: z.string(), kind: z.string() })),
  /** Claims made offline that the server gave to someone else, until acknowledged. */
  lostClaims: z.array(
    z.object({ eventId: z.string(), ref: CaseRefSchema, holder: z.string(), answeredAt: z.string() }),
  ),
});
export type TeamStatus = z.output<typeof TeamStatusSchema>;

export const CASE_SYNC_STATES = ['synced', 'waiting', 'conflict'] as const;

const conflict = z.object({
  id: z.number().int(),
  /** A case field by its name (assignee, status…) or a fact as `facts.<name>`. */
  field: z.string(),
  local: z.unknown(),
  remote: z.unknown(),
  remoteActor: z.string(),
  openedAt: z.string(),
});

/** A claim's answer: granted or refused by the server at once, or provisional until a sync. */
const claim = z.discriminatedUnion('state', [
  z.object({
    state: z.enum(['granted', 'refused']),
    holder: z.string(),
    leaseUntil: z.string(),
    eventId: z.string(),
  }),
  z.object({ state: z.literal('provisional'), eventId: z.string() }),
]);

export const teamMethods = {
  'team.status': method(z.strictObject({}), TeamStatusSchema),
  /** Runs a sync round now (or joins the running one) and answers when it is over. */
  'team.syncNow': method(z.strictObject({}), TeamStatusSchema),
  /**
   * Sets the team server and the agent's login, with its password kept by the OS keychain;
   * a null url leaves the team server (the store stays in the team, nothing is lost).
   */
  'team.configure': method(
    z.strictObject({
      url: z.string().trim().min(1).max(2000).nullable(),
      login: z.string().trim().min(1).max(63).optional(),
      password: z.string().min(1).max(1000).optional(),
      agent,
    }),
    TeamStatusSchema,
  ),
  'team.acknowledgeLostClaims': method(z.strictObject({}), TeamStatusSchema),
  'team.caseStates': method(
    z.strictObject({ refs: z.array(CaseRefSchema).max(500) }),
    z.object({
      items: z.array(
        z.object({ ref: CaseRefSchema, state: z.enum(CASE_SYNC_STATES), provisionalClaim: z.boolean() }),
      ),
    }),
  ),
  'team.conflicts': method(z.strictObject({ ref: CaseRefSchema }), z.object({ items: z.array(conflict) })),
  'team.resolveConflict': method(
    z.strictObject({
      ref: CaseRefSchema,
      conflict: z.number().int().min(1),
      keep: z.enum(['local', 'remote']),
      agent,
    }),
    CaseChangeSchema,
  ),
  /** Claims the case for the agent: asked of the team server when it can be reached. */
  'team.claim': method(
    z.strictObject({ ref: CaseRefSchema, revision: z.number().int().min(1), agent }),
    z.object({ change: CaseChangeSchema.nullable(), claim }),
  ),
  /** The open unassigned case closing first that the server grants (or provisionally, offline). */
  'team.claimNext': method(
    z.strictObject({ agent }),
    z.object({ change: CaseChangeSchema.nullable(), claim: claim.nullable() }),
  ),
} as const;
