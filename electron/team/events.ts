import type { SequencedTeamEvent, TeamEvent } from '../../shared/model/team-event';
import { settleClaim } from './claims';
import { PUSH_LOCK } from './locks';
import type { TeamServer } from './server';

/** A claim made offline lasts this long once the server grants it, unless the event says. */
const DEFAULT_LEASE_MS = 8 * 60 * 60 * 1000;

export interface PushResult {
  /** Events the server had not seen, now in its log. */
  applied: number;
  /** Events it already had (a retried push): ignored. */
  known: number;
}

const isClaim = (event: TeamEvent) => event.kind === 'case.assign' && event.body.claim === true;

/**
 * Appends a desktop's events in one transaction, in the order given. An event id the server
 * already holds is skipped, so a push cut off before its answer can simply be sent again.
 */
export async function pushEvents(server: TeamServer, events: readonly TeamEvent[]): Promise<PushResult> {
  if (events.length === 0) return { applied: 0, known: 0 };
  const { client } = server;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    const result = await client.query(
      `INSERT INTO team_events (event_id, desktop_id, case_key, kind, actor, body, made_at)
       SELECT e.id, e.desktop, e.case_key, e.kind, e.actor, e.body::jsonb, e.made_at
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
              WITH ORDINALITY AS e(id, desktop, case_key, kind, actor, body, made_at, position)
        ORDER BY e.position
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id, seq`,
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
    // Claims made offline are settled here, in the order the server numbered them.
    const inserted = new Map(
      result.rows.map((row: { event_id: string; seq: string }) => [row.event_id, Number(row.seq)]),
    );
    const claims = events.filter((event) => inserted.has(event.id) && isClaim(event));
    claims.sort((a, b) => inserted.get(a.id)! - inserted.get(b.id)!);
    for (const claim of claims) {
      await settleClaim(client, {
        eventId: claim.id,
        caseKey: claim.caseKey,
        agent: claim.actor,
        desktopId: claim.desktopId,
        leaseMs: typeof claim.body.leaseMs === 'number' ? claim.body.leaseMs : DEFAULT_LEASE_MS,
      });
    }
    await client.query('COMMIT');
    const applied = result.rowCount ?? 0;
    return { applied, known: events.length - applied };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
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
}

/** The server's events after `cursor` (a seq), oldest first, at most `limit`. */
export async function pullEvents(
  server: TeamServer,
  cursor: number,
  limit: number,
): Promise<SequencedTeamEvent[]> {
  const { rows } = await server.client.query<EventRow>(
    // The instant as epoch milliseconds: pg's parsing of timestamptz text into a Date was a
    // tenth of a pull's client-side time; events are made with millisecond instants.
    `SELECT e.seq, e.event_id, e.desktop_id, e.case_key, e.kind, e.actor, e.body,
            (extract(epoch FROM e.made_at) * 1000)::bigint AS made_ms, e.pushed_by,
            a.granted, a.holder
       FROM team_events e LEFT JOIN team_claim_answers a ON a.event_id = e.event_id
      WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
    [cursor, limit],
  );
  return rows.map((row) => ({
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
  }));
}
