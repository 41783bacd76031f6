import { z } from 'zod';

/**
 * What a desktop tells the team: every change it makes, once, under an id it chose. The id
 * makes pushing idempotent (the server applies an id once however often it arrives); the
 * server's sequence number, not the desktop's clock, orders events for everyone.
 */
export const TEAM_EVENT_KINDS = [
  'case.create',
  'case.facts',
  'case.status',
  'case.assign',
  'decision.record',
  'note.add',
  'reply.sent',
  'approval.request',
  'approval.grant',
  'approval.refuse',
] as const;

export type TeamEventKind = (typeof TEAM_EVENT_KINDS)[number];

export const TeamEventSchema = z.strictObject({
  id: z.uuid({ error: 'an event id is a UUID' }),
  desktopId: z.string().min(1).max(200),
  /** The case's team-wide key (a UUID): local refs differ from desktop to desktop. */
  caseKey: z.uuid({ error: 'a case key is a UUID' }),
  kind: z.enum(TEAM_EVENT_KINDS),
  body: z.record(z.string(), z.unknown()),
  madeAt: z.iso.datetime({ offset: true }),
});

export type TeamEvent = z.infer<typeof TeamEventSchema>;

/** An event as the server ordered it. */
export interface SequencedTeamEvent extends TeamEvent {
  seq: number;
  /** The server login that pushed it, as the server saw it: a desktop cannot claim another's. */
  pushedBy: string;
}
