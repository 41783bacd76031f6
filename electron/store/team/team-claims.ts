import type { CaseChange } from '../../../shared/model/case';
import { appendAudit, type CaseStore, formatRef, requireCase } from '../core';
import { assignGuards, assignRow, caseRowById, guardCase, openConflictOn, writeCase } from '../cases';
import { settleField } from './team-conflicts';

// Claims in team mode. A claim is a lease on the team server: granted there at once when the
// server answers, or provisional when it cannot be asked, until a sync settles it in the
// server's order. A claim still waiting for its answer, or lost and not yet acknowledged, is
// remembered under its event id (in team_sync, as `claim.<event id>`) with what the agent was
// last told, so a lost one is shown once.

export type ClaimState = 'granted' | 'provisional' | 'lost';

interface ClaimRecord {
  caseId: number;
  agent: string;
  state: ClaimState;
  holder: string | null;
  answeredAt: number | null;
  seen: boolean;
}

export interface LostClaim {
  eventId: string;
  ref: string;
  holder: string;
  answeredAt: string;
}

const KEY_PREFIX = 'claim.';

function readClaims(store: CaseStore): Map<string, ClaimRecord> {
  const rows = store.sql("SELECT key, value FROM team_sync WHERE key LIKE 'claim.%' ORDER BY key").all() as {
    key: string;
    value: string;
  }[];
  return new Map(rows.map((row) => [row.key.slice(KEY_PREFIX.length), JSON.parse(row.value) as ClaimRecord]));
}

/**
 * Keeps a claim only while something will read it again: waiting for the server's answer, or
 * lost and not yet acknowledged. A settled one the agent knows about is forgotten; otherwise
 * every claim ever made would be read on every sync round.
 */
function writeClaim(store: CaseStore, eventId: string, record: ClaimRecord): void {
  if (record.state !== 'provisional' && record.seen) {
    store.sql('DELETE FROM team_sync WHERE key = ?').run(KEY_PREFIX + eventId);
    return;
  }
  store
    .sql(
      `INSERT INTO team_sync (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    )
    .run(KEY_PREFIX + eventId, JSON.stringify(record));
}

/**
 * Assigns the case to the claiming agent under the claim's event id: `granted` when the
 * server has already said yes, `provisional` when it could not be asked. A claim of a case
 * the agent already holds changes nothing and is not remembered.
 */
export function recordClaim(
  store: CaseStore,
  input: { ref: string; agent: string; eventId: string; state: 'granted' | 'provisional'; seen?: number },
): CaseChange {
  return writeCase(store, input.ref, assignGuards(input.seen), (row) => {
    const audit = assignRow(store, row, input.agent, input.agent, {
      claim: { eventId: input.eventId, state: input.state },
    });
    if (audit !== null) rememberClaim(store, row.id, input);
    return audit;
  });
}

function rememberClaim(
  store: CaseStore,
  caseId: number,
  input: { agent: string; eventId: string; state: 'granted' | 'provisional' },
): void {
  writeClaim(store, input.eventId, {
    caseId,
    agent: input.agent,
    state: input.state,
    holder: input.state === 'granted' ? input.agent : null,
    answeredAt: input.state === 'granted' ? store.now() : null,
    seen: true,
  });
}

/** Refuses a claim the store would refuse (a stale screen, say) before the server is asked for a lease. */
export function requireClaimable(store: CaseStore, ref: string, seen: number): void {
  guardCase(store, ref, requireCase(store, ref), assignGuards(seen));
}

/** The open unassigned cases closing first, for claiming one after another; `skip` were refused. */
export function claimCandidates(store: CaseStore, skip: readonly string[], limit: number): string[] {
  const ids = store
    .sql(
      `SELECT id FROM cases INDEXED BY cases_claimable WHERE status = 'open' AND assignee IS NULL
         AND NOT ${openConflictOn('cases', 'assignee')}
       ORDER BY deadline_key, id LIMIT ?`,
    )
    .pluck()
    .all(limit + skip.length) as number[];
  return ids
    .map(formatRef)
    .filter((ref) => !skip.includes(ref))
    .slice(0, limit);
}

/** Provisional claims the server has (pushed) but whose answer this desktop has not heard. */
export function unansweredClaims(store: CaseStore): string[] {
  const pushed = store.sql('SELECT 1 FROM team_outbox WHERE event_id = ? AND pushed_at IS NOT NULL').pluck();
  return [...readClaims(store)]
    .filter(([eventId, claim]) => claim.state === 'provisional' && pushed.get(eventId) !== undefined)
    .map(([eventId]) => eventId);
}

/**
 * The server's answers to provisional claims. A lost claim gives the case to the agent the
 * server granted it to (closing a conflict the winner's claim opened here), unless someone
 * has reassigned the case since; the agent is told until they acknowledge it.
 */
export function settleClaims(
  store: CaseStore,
  answers: readonly { eventId: string; granted: boolean; holder: string }[],
): number {
  let lost = 0;
  store.write(() => {
    const claims = readClaims(store);
    for (const answer of answers) {
      const claim = claims.get(answer.eventId);
      if (claim === undefined || claim.state !== 'provisional') continue;
      const settled: ClaimRecord = {
        ...claim,
        state: answer.granted ? 'granted' : 'lost',
        holder: answer.holder,
        answeredAt: store.now(),
        seen: answer.granted,
      };
      writeClaim(store, answer.eventId, settled);
      if (answer.granted) continue;
      lost++;
      const row = caseRowById(store, claim.caseId);
      if (row.assignee !== claim.agent) continue;
      settleField(store, claim.caseId, 'assignee', answer.holder, claim.agent);
      appendAudit(store, {
        caseRef: formatRef(claim.caseId),
        action: 'claim.lost',
        actor: claim.agent,
        detail: { eventId: answer.eventId, holder: answer.holder },
      });
    }
  });
  return lost;
}

/** Claims lost to another agent that the agent here has not acknowledged yet. */
export function lostClaims(store: CaseStore): LostClaim[] {
  return [...readClaims(store)]
    .filter(([, claim]) => claim.state === 'lost' && !claim.seen)
    .map(([eventId, claim]) => ({
      eventId,
      ref: formatRef(claim.caseId),
      holder: claim.holder ?? '',
      answeredAt: new Date(claim.answeredAt ?? 0).toISOString(),
    }));
}

export function acknowledgeLostClaims(store: CaseStore): void {
  store.write(() => {
    for (const [eventId, claim] of readClaims(store)) {
      if (claim.state === 'lost' && !claim.seen) writeClaim(store, eventId, { ...claim, seen: true });
    }
  });
}

/** Which of these cases hold a claim still waiting for the server's answer. */
export function provisionalRefs(store: CaseStore): Set<string> {
  return new Set(
    [...readClaims(store).values()]
      .filter((claim) => claim.state === 'provisional')
      .map((claim) => formatRef(claim.caseId)),
  );
}
