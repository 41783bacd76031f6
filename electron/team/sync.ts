import {
  applyTeamEvents,
  countWaiting,
  heldEvents,
  markPushed,
  parkEvent,
  parkedEvents,
  rejectedEvents,
  rememberTeamPolicy,
  teamCursor,
  teamDesktopId,
  waitingEvents,
  type ApplyOptions,
  type CaseStore,
  type HeldEvent,
  type ParkedEvent,
  type RejectedEvent,
} from '../store';
import { readApprovalThresholds } from './approvals';
import { EventRefusedError } from './errors';
import { pullEvents, pullEventsById, pushEvents } from './events';
import { whoAmI } from './members';
import { requireTeamSchema, type TeamServer } from './server';

export interface SyncSummary {
  desktopId: string;
  /** Events from here the server took now; `alreadyThere` it had from an earlier, cut-off push. */
  pushed: number;
  alreadyThere: number;
  /** Events from other desktops applied here, and the conflicts they opened. */
  applied: number;
  conflicts: number;
  /** Events set aside this round because this desktop cannot apply them (kept with the reason). */
  rejected: number;
  /** Every event set aside and still not applied: tried again at each sync (after an upgrade). */
  setAside: RejectedEvent[];
  /** Events of a kind this release does not know (a newer one's): applied after an upgrade. */
  held: HeldEvent[];
  /** The server event this desktop has applied up to. */
  cursor: number;
  /** Changes made here the server does not have yet (0 after a full sync); parked ones aside. */
  waiting: number;
  /** Changes the server refused, with its reasons: they wait for the agent to redo or withdraw. */
  parked: ParkedEvent[];
}

/**
 * One round: push everything waiting, then pull and apply everything new. An event the server
 * refuses is parked and the round goes on without it, so one refused change never stops the
 * rest (nor every later sync). Each batch is marked
 * pushed only once the server has committed it, and each pulled event is applied in its own
 * transaction with the cursor, so a cut anywhere loses nothing and repeats nothing.
 */
export async function syncOnce(
  store: CaseStore,
  server: TeamServer,
  batchSize = 5000,
  options: Pick<ApplyOptions, 'knownKinds'> = {},
): Promise<SyncSummary> {
  const desktopId = teamDesktopId(store);
  if (desktopId === null)
    throw new Error('This case store has not joined a team (refund-console sync --join).');
  await requireTeamSchema(server);
  // Who this desktop signs in as and the team's thresholds decide what waits for a lead here.
  rememberTeamPolicy(store, {
    member: await whoAmI(server),
    thresholds: await readApprovalThresholds(server),
  });
  let pushed = 0;
  let alreadyThere = 0;
  for (;;) {
    const batch = waitingEvents(store, batchSize);
    if (batch.length === 0) break;
    let result;
    try {
      result = await pushEvents(
        server,
        batch.map((event) => ({ ...event, desktopId })),
      );
    } catch (error) {
      // One refused change is parked with the server's reason; the rest go in the next try.
      if (!(error instanceof EventRefusedError) || !batch.some((event) => event.id === error.eventId))
        throw error;
      parkEvent(store, error.eventId, error.reason);
      continue;
    }
    markPushed(
      store,
      batch.map((event) => event.id),
    );
    pushed += result.applied;
    alreadyThere += result.known;
  }
  let applied = 0;
  let conflicts = 0;
  let rejected = 0;
  let cursor = teamCursor(store);
  for (;;) {
    const events = await pullEvents(server, cursor, batchSize);
    if (events.length === 0) break;
    for (const outcome of applyTeamEvents(store, events, options)) {
      if (outcome.kind === 'applied') {
        applied++;
        conflicts += outcome.conflicts;
      } else if (outcome.kind === 'rejected') rejected++;
    }
    cursor = events.at(-1)!.seq;
  }
  // Events set aside or held earlier are tried again: an upgrade, or what they named having
  // arrived since, lets them apply now.
  const before = [...rejectedEvents(store), ...heldEvents(store)];
  if (before.length > 0) {
    const again = await pullEventsById(
      server,
      before.map((event) => event.eventId),
    );
    for (const outcome of applyTeamEvents(store, again, { ...options, again: true })) {
      if (outcome.kind === 'applied') {
        applied++;
        conflicts += outcome.conflicts;
      }
    }
  }
  return {
    desktopId,
    pushed,
    alreadyThere,
    applied,
    conflicts,
    rejected,
    cursor,
    waiting: countWaiting(store),
    parked: parkedEvents(store),
    setAside: rejectedEvents(store),
    held: heldEvents(store),
  };
}
