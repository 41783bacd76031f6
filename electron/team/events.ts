import type { SequencedTeamEvent, TeamEvent } from '../../shared/model/team-event';
import { EventRefusedError } from './errors';
import { EVENT_REFUSED } from './roles';
import type { TeamServer } from './server';

export interface PushResult {
  /** Events the server had not seen, now in its log. */
  applied: number;
  /** Events it already had (a retried push): ignored. */
  known: number;
}

/**
 * Appends a desktop's events in one transaction, in the order given, through the server's
 * `team_push` (which stamps the login, takes the push lock and settles offline claims). An
 * event id the server already holds is skipped, so a push cut off before its answer can simply
 * be sent again. An event the server refuses for what it says fails the whole batch with
 * EventRefusedError naming it, so the desktop can park it and send the rest.
 */
export async function pushEvents(server: TeamServer, events: readonly TeamEvent[]): Promise<PushResult> {
  if (events.length === 0) return { applied: 0, known: 0 };
  try {
    const result = await server.client.query<{ pushed_event: string }>(
      `SELECT pushed_event FROM public.team_push($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[],
         $6::jsonb[], $7::timestamptz[])`,
      [
        events.map((event) => event.id),
        events.map((event) => event.desktopId),
        events.map((event) => event.caseKey),
        events.map((event) => event.kind),
        events.map((event) => event.actor),
        events.map((event) => JSON.stringify(event.body)),
        events.map((event) => event.madeAt),
      ],
    );
    const applied = result.rowCount ?? 0;
    return { applied, known: events.length - applied };
  } catch (error) {
    const { code, detail, message } = error as { code?: string; detail?: string; message: string };
    if (code === EVENT_REFUSED && detail !== undefined) throw new EventRefusedError(detail, message);
    throw error;
  }
}

interface EventRow {
  seq: string;
  event_id: string;
  desktop_id: string;
  case_key: string;
  kind: string;
  actor: string;
  body: Record<string, unknown>;
  /** Milliseconds since the epoch, as text (bigint). */
  made_ms: string;
  pushed_by: string;
  granted: boolean | null;
  holder: string | null;
  /** Committed below the oldest transaction still open: nothing can appear before it later. */
  settled: boolean;
}

// The instant as epoch milliseconds: pg's parsing of timestamptz text into a Date was a tenth
// of a pull's client-side time; events are made with millisecond instants.
const EVENT_SELECT = `
  SELECT e.seq, e.event_id, e.desktop_id, e.case_key, e.kind, e.actor, e.body,
         (extract(epoch FROM e.made_at) * 1000)::bigint AS made_ms, e.pushed_by,
         a.granted, a.holder, e.tx < pg_snapshot_xmin(pg_current_snapshot()) AS settled
    FROM public.team_events e LEFT JOIN public.team_claim_answers a ON a.event_id = e.event_id`;

const toEvent = (row: EventRow): SequencedTeamEvent => ({
  seq: Number(row.seq),
  id: row.event_id,
  desktopId: row.desktop_id,
  caseKey: row.case_key,
  kind: row.kind,
  actor: row.actor,
  body: row.body,
  madeAt: new Date(Number(row.made_ms)).toISOString(),
  pushedBy: row.pushed_by,
  ...(row.granted === null ? {} : { claim: { granted: row.granted, holder: row.holder! } }),
});

/**
 * The server's events after `cursor` (a seq), oldest first, at most `limit`; stops before the
 * first one a transaction still open when the pull began could precede (defence in depth: only
 * `team_push` inserts, under the push lock, so numbers already commit in order).
 */
export async function pullEvents(
  server: TeamServer,
  cursor: number,
  limit: number,
): Promise<SequencedTeamEvent[]> {
  const { rows } = await server.client.query<EventRow>(
    `${EVENT_SELECT} WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
    [cursor, limit],
  );
  const unsettled = rows.findIndex((row) => !row.settled);
  return (unsettled === -1 ? rows : rows.slice(0, unsettled)).map(toEvent);
}

/** Some events again by id, in server order: those this desktop set aside, to try once more. */
export async function pullEventsById(
  server: TeamServer,
  ids: readonly string[],
): Promise<SequencedTeamEvent[]> {
  if (ids.length === 0) return [];
  const { rows } = await server.client.query<EventRow>(
    `${EVENT_SELECT} WHERE e.event_id = ANY($1::uuid[]) ORDER BY e.seq`,
    [ids],
  );
  return rows.map(toEvent);
}
