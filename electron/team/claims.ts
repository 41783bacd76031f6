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
 * An online claim, granted or refused at once by the server's `team_claim`: the case is the
 * claimant's unless another agent holds an unexpired lease; the holder renews. The server
 * names the holder by the login's member (`agent` counts only for an administrator's claim),
 * settles it under the push lock, in the order events are numbered in, and answers a retried
 * claim exactly as the first time.
 */
export async function claimCase(server: TeamServer, claim: ClaimRequest): Promise<ClaimAnswer> {
  const { rows } = await server.client.query<AnswerRow>(
    'SELECT * FROM public.team_claim($1, $2, $3, $4, $5)',
    [claim.eventId, claim.caseKey, claim.desktopId, claim.agent, claim.leaseMs],
  );
  return toAnswer(rows[0]!);
}

/** The answers to these claim events, for a desktop that made them offline. */
export async function claimAnswers(server: TeamServer, eventIds: readonly string[]): Promise<ClaimAnswer[]> {
  const { rows } = await server.client.query<AnswerRow>(
    'SELECT * FROM public.team_claim_answers WHERE event_id = ANY($1::uuid[])',
    [eventIds],
  );
  return rows.map(toAnswer);
}
