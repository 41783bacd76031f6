import type { ClientBase } from 'pg';
import { PUSH_LOCK } from './locks';
import type { TeamServer } from './server';

export interface ClaimRequest {
  /** The claim's event id: a retried claim is the same claim and hears the same answer. */
  eventId: string;
  caseKey: string;
  agent: string;
  desktopId: string;
  /** How long the lease runs from the server's now. */
  leaseMs: number;
}

export interface ClaimAnswer {
  eventId: string;
  caseKey: string;
  granted: boolean;
  /** Who holds the case after this claim: the claimant when granted. */
  holder: string;
  leaseUntil: string;
}

interface AnswerRow {
  event_id: string;
  case_key: string;
  granted: boolean;
  holder: string;
  lease_until: Date;
}

const toAnswer = (row: AnswerRow): ClaimAnswer => ({
  eventId: row.event_id,
  caseKey: row.case_key,
  granted: row.granted,
  holder: row.holder,
  leaseUntil: row.lease_until.toISOString(),
});

/**
 * Grants the case to the claimant unless another agent holds an unexpired lease; the same
 * agent claiming again renews. Runs under the push lock, so claims are settled in the same
 * order events are numbered in, online and offline ones alike. Call inside a transaction.
 */
export async function settleClaim(client: ClientBase, claim: ClaimRequest): Promise<ClaimAnswer> {
  const known = await client.query<AnswerRow>('SELECT * FROM team_claim_answers WHERE event_id = $1', [
    claim.eventId,
  ]);
  if (known.rows[0] !== undefined) return toAnswer(known.rows[0]);
  const taken = await client.query<{ agent: string; lease_until: Date }>(
    `INSERT INTO team_claims AS c (case_key, agent, desktop_id, lease_until, event_id)
     VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond', $5)
     ON CONFLICT (case_key) DO UPDATE
       SET agent = EXCLUDED.agent, desktop_id = EXCLUDED.desktop_id,
           lease_until = EXCLUDED.lease_until, event_id = EXCLUDED.event_id
       WHERE c.lease_until <= now() OR c.agent = EXCLUDED.agent
     RETURNING agent, lease_until`,
    [claim.caseKey, claim.agent, claim.desktopId, claim.leaseMs, claim.eventId],
  );
  const holder =
    taken.rows[0] ??
    (
      await client.query<{ agent: string; lease_until: Date }>(
        'SELECT agent, lease_until FROM team_claims WHERE case_key = $1',
        [claim.caseKey],
      )
    ).rows[0]!;
  const answer = await client.query<AnswerRow>(
    `INSERT INTO team_claim_answers (event_id, case_key, agent, granted, holder, lease_until)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [
      claim.eventId,
      claim.caseKey,
      claim.agent,
      taken.rows[0] !== undefined,
      holder.agent,
      holder.lease_until,
    ],
  );
  return toAnswer(answer.rows[0]!);
}

/** An online claim: granted or refused at once. */
export async function claimCase(server: TeamServer, claim: ClaimRequest): Promise<ClaimAnswer> {
  const { client } = server;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    const answer = await settleClaim(client, claim);
    await client.query('COMMIT');
    return answer;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The answers to these claim events, for a desktop that made them offline. */
export async function claimAnswers(server: TeamServer, eventIds: readonly string[]): Promise<ClaimAnswer[]> {
  const { rows } = await server.client.query<AnswerRow>(
    'SELECT * FROM team_claim_answers WHERE event_id = ANY($1::uuid[])',
    [eventIds],
  );
  return rows.map(toAnswer);
}
