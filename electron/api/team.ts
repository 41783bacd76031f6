import {
  acknowledgeLostClaims,
  caseSyncStates,
  claimCandidates,
  getCase,
  InvalidInputError,
  joinTeam,
  listOpenConflicts,
  parseRef,
  recordClaim,
  requireClaimable,
  resolveConflict,
  setTeamServerSetting,
  type CaseStore,
} from '../store';
import { readTeamServerAddress, TeamServerAddressError } from '../team';
import {
  createTeamSync,
  CredentialsRefusedError,
  environmentCredentials,
  type CredentialKeeper,
  type TeamSync,
} from '../team-sync';
import type { Implementations } from './types';

export type TeamMethods =
  | 'team.status'
  | 'team.syncNow'
  | 'team.configure'
  | 'team.acknowledgeLostClaims'
  | 'team.caseStates'
  | 'team.conflicts'
  | 'team.resolveConflict'
  | 'team.claim'
  | 'team.claimNext';

export interface TeamHandlerOptions {
  /** The running sync service and where it keeps the password; a dormant one without. */
  team?: { sync: TeamSync; credentials: CredentialKeeper };
}

/** Claim next asks the server about this many cases at most before giving up for now. */
const CLAIM_NEXT_TRIES = 10;

/** A URL and password the agent typed that cannot be used say so as a bad request. */
function asInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TeamServerAddressError || error instanceof CredentialsRefusedError) {
      throw new InvalidInputError(error.message);
    }
    throw error;
  }
}

function checkServerUrl(url: string): void {
  readTeamServerAddress(url);
  const parsed = new URL(url);
  if (parsed.username !== '' || parsed.password !== '') {
    throw new InvalidInputError('url: give the login and password in their own fields, not in the address');
  }
}

export function teamHandlers(
  store: CaseStore,
  options: TeamHandlerOptions = {},
): Implementations<TeamMethods> {
  const credentials = options.team?.credentials ?? environmentCredentials();
  const sync = options.team?.sync ?? createTeamSync({ store, credentials });
  return {
    'team.status': () => sync.status(),
    'team.syncNow': () => sync.syncNow(),
    'team.configure': ({ url, login, password, agent }) => {
      if (url === null) {
        credentials.forget();
        setTeamServerSetting(store, null, agent);
        return sync.status();
      }
      if (login === undefined) throw new InvalidInputError('login: a team server needs the agent’s login');
      asInput(() => checkServerUrl(url));
      // The password first: when it cannot be kept safely, nothing else changes either.
      if (password !== undefined) asInput(() => credentials.save({ login, password }));
      joinTeam(store, agent);
      setTeamServerSetting(store, { url, login }, agent);
      void sync.syncNow();
      return sync.status();
    },
    'team.acknowledgeLostClaims': () => {
      acknowledgeLostClaims(store);
      return sync.status();
    },
    'team.caseStates': ({ refs }) => ({ items: caseSyncStates(store, refs) }),
    'team.conflicts': ({ ref }) => {
      const caseId = parseRef(getCase(store, ref).summary.ref)!;
      return { items: listOpenConflicts(store, caseId) };
    },
    'team.resolveConflict': ({ ref, conflict, keep, agent }) =>
      resolveConflict(store, ref, conflict, keep, agent),
    'team.claim': async ({ ref, revision, agent }) => {
      // What the store would refuse is refused before the server is asked: no lease for nothing.
      requireClaimable(store, ref, revision);
      const claim = await sync.askClaim(ref, agent);
      if (claim.state === 'refused') return { change: null, claim };
      return {
        change: recordClaim(store, {
          ref,
          agent,
          eventId: claim.eventId,
          state: claim.state,
          seen: revision,
        }),
        claim,
      };
    },
    'team.claimNext': async ({ agent }) => {
      const refused: string[] = [];
      for (let tries = 0; tries < CLAIM_NEXT_TRIES; tries++) {
        const [ref] = claimCandidates(store, refused, 1);
        if (ref === undefined) break;
        const claim = await sync.askClaim(ref, agent);
        if (claim.state === 'refused') {
          refused.push(ref);
          continue;
        }
        return {
          change: recordClaim(store, { ref, agent, eventId: claim.eventId, state: claim.state }),
          claim,
        };
      }
      return { change: null, claim: null };
    },
  };
}
