import { z } from 'zod';

/**
 * What a desktop tells the team: every change it makes, once, under an id it chose. The id
 * makes pushing idempotent (the server applies an id once however often it arrives); the
 * server's sequence number, not the desktop's clock, orders events for everyone.
 */
// Kinds are the audit trail's action names (case.create, case.facts, decision.record, note.add,
// approval.grant …): a desktop sends what it did in the words its audit uses. A newer desktop's
// new kind reaches an older one as a case change it can merge, not as an error.
const KIND = /^[a-z]+(\.[a-z-]+)+$/;

/**
 * Every kind this release applies. A pulled event of another kind (a newer release's) is held
 * until an upgrade knows it: applied as something it is not, it would be marked applied and
 * lost for good. A newer release adds its kind here and to the store's applyInside.
 */
export const TEAM_EVENT_KINDS = [
  'case.create',
  'case.facts',
  'case.fields',
  'case.status',
  'case.assign',
  'claim.lost',
  'conflict.resolve',
  'decision.record',
  'approval.grant',
  'approval.refuse',
  'note.add',
  'message.add',
  'reply.sent',
  'usage.export',
] as const;
export type TeamEventKind = (typeof TEAM_EVENT_KINDS)[number];

/** Whether a desktop knowing `known` (this release's kinds, unless a test says otherwise) applies `kind`. */
export const knowsEventKind = (
  kind: string,
  known: readonly string[] = TEAM_EVENT_KINDS,
): kind is TeamEventKind => (TEAM_EVENT_KINDS as readonly string[]).includes(kind) && known.includes(kind);

export const TeamEventSchema = z.strictObject({
  id: z.uuid({ error: 'an event id is a UUID' }),
  desktopId: z.string().min(1).max(200),
  /** The case's team-wide key (a UUID): local refs differ from desktop to desktop. */
  caseKey: z.uuid({ error: 'a case key is a UUID' }),
  kind: z.string().regex(KIND, { error: 'an event kind is a dotted lower-case name' }),
  /** The agent who made the change, as that desktop knows them. */
  actor: z.string().min(1).max(200),
  body: z.record(z.string(), z.unknown()),
  madeAt: z.iso.datetime({ offset: true }),
});

export type TeamEvent = z.infer<typeof TeamEventSchema>;

/** An event as the server ordered it. */
export interface SequencedTeamEvent extends TeamEvent {
  seq: number;
  /** The server login that pushed it, as the server saw it: a desktop cannot claim another's. */
  pushedBy: string;
  /** For a claim: the server's answer (a refused claim assigns nobody). */
  claim?: { granted: boolean; holder: string };
}
