import {
  caseKeyOf,
  countCasesInConflict,
  countWaiting,
  getTeamServerSetting,
  lostClaims,
  heldEvents,
  type HeldEvent,
  parkedEvents,
  parseRef,
  getCase,
  settleClaims,
  teamDesktopId,
  timeOrderedId,
  unansweredClaims,
  type CaseStore,
  type LostClaim,
  type ParkedEvent,
} from '../store';
import {
  claimAnswers,
  claimCase,
  connectTeamServer,
  syncOnce,
  type ClaimAnswer,
  type TeamServer,
} from '../team';
import { DEFAULT_SCHEDULE, nextDelay, type SyncSchedule } from './backoff';
import type { CredentialKeeper } from './credentials';

/** What the console shows at the top: where the team stands, read without the network. */
export interface TeamSyncStatus {
  /** A server is set and this store is in the team. */
  configured: boolean;
  server: string | null;
  login: string | null;
  /** null before the first round since start; then whether the last one reached the server. */
  online: boolean | null;
  syncing: boolean;
  lastSyncAt: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  waiting: number;
  conflicts: number;
  refused: Pick<ParkedEvent, 'eventId' | 'ref' | 'kind' | 'reason'>[];
  /** Pulled changes of a kind this release does not know, until an upgrade applies them. */
  held: Pick<HeldEvent, 'eventId' | 'kind'>[];
  lostClaims: LostClaim[];
}

/** A claim's answer as the agent sees it: provisional when the server could not be asked. */
export type ClaimOutcome =
  | { state: 'granted' | 'refused'; holder: string; leaseUntil: string; eventId: string }
  | { state: 'provisional'; eventId: string };

export interface TeamSyncOptions {
  store: CaseStore;
  credentials: CredentialKeeper;
  schedule?: SyncSchedule;
  /** How a round reaches the server (tests cut it off); the real connection otherwise. */
  connect?: (url: string) => Promise<TeamServer>;
  /** The longest an online claim waits for the server before it is made provisional. */
  claimTimeoutMs?: number;
  /** Told after every round, e.g. to log it. */
  onRound?: (outcome: { ok: boolean; error?: string }) => void;
}

export interface TeamSync {
  /** Starts the rounds on the schedule (the first one at once). */
  start(): void;
  stop(): Promise<void>;
  status(): TeamSyncStatus;
  /** Runs a round now, or joins the one running; answers when it is over. */
  syncNow(): Promise<TeamSyncStatus>;
  /** A claim asked of the server, or provisional when the server cannot be reached. */
  askClaim(ref: string, agent: string): Promise<ClaimOutcome>;
}

const LEASE_MS = 8 * 60 * 60 * 1000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Background sync for the console: a round (push, pull, settle provisional claims) every
 * `intervalMs` while the server answers, backing off while it does not. Rounds never overlap:
 * a round asked for while one runs joins it. Nothing the console does waits for a round;
 * the store is the console's truth and the status is read from it.
 */
export function createTeamSync(options: TeamSyncOptions): TeamSync {
  const { store, credentials } = options;
  const schedule = options.schedule ?? DEFAULT_SCHEDULE;
  const connect = options.connect ?? connectTeamServer;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  let failures = 0;
  let online: boolean | null = null;
  let lastSyncAt: number | null = null;
  let lastError: string | null = null;
  let nextAttemptAt: number | null = null;

  const configured = () => getTeamServerSetting(store) !== null && teamDesktopId(store) !== null;

  /** The server's URL with the login and password; throws saying what is missing. */
  function address(): string {
    const setting = getTeamServerSetting(store);
    if (setting === null) throw new Error('No team server is set.');
    // May throw too (a password file that cannot be read): the round reports it like any failure.
    const kept = credentials.read();
    if (kept === null || (kept.login !== '' && kept.login !== setting.login)) {
      throw new Error(`No password is kept for the team login ${setting.login}: set it in Settings.`);
    }
    const url = new URL(setting.url);
    url.username = setting.login;
    url.password = kept.password;
    return url.href;
  }

  async function withServer<T>(work: (server: TeamServer) => Promise<T>): Promise<T> {
    const server = await connect(address());
    try {
      return await work(server);
    } finally {
      await server.close().catch(() => undefined);
    }
  }

  async function round(): Promise<void> {
    if (!configured()) return;
    try {
      await withServer(async (server) => {
        await syncOnce(store, server);
        const asked = unansweredClaims(store);
        if (asked.length > 0) settleClaims(store, await claimAnswers(server, asked));
      });
      failures = 0;
      online = true;
      lastSyncAt = Date.now();
      lastError = null;
      options.onRound?.({ ok: true });
    } catch (error) {
      failures++;
      online = false;
      lastError = messageOf(error);
      options.onRound?.({ ok: false, error: lastError });
    }
  }

  function scheduleRound(delay: number): void {
    if (!started) return;
    if (timer !== null) clearTimeout(timer);
    nextAttemptAt = Date.now() + delay;
    timer = setTimeout(() => {
      timer = null;
      void runRound();
    }, delay);
    timer.unref?.();
  }

  function runRound(): Promise<void> {
    running ??= round().finally(() => {
      running = null;
      scheduleRound(nextDelay(schedule, failures));
    });
    return running;
  }

  function status(): TeamSyncStatus {
    const setting = getTeamServerSetting(store);
    const configured = setting !== null && teamDesktopId(store) !== null;
    return {
      configured,
      server: setting === null ? null : setting.url,
      login: setting?.login ?? null,
      online: configured ? online : null,
      syncing: running !== null,
      lastSyncAt: lastSyncAt === null ? null : new Date(lastSyncAt).toISOString(),
      lastError: configured ? lastError : null,
      nextAttemptAt:
        started && configured && nextAttemptAt !== null ? new Date(nextAttemptAt).toISOString() : null,
      waiting: configured ? countWaiting(store) : 0,
      conflicts: configured ? countCasesInConflict(store) : 0,
      refused: configured
        ? parkedEvents(store).map(({ eventId, ref, kind, reason }) => ({ eventId, ref, kind, reason }))
        : [],
      held: configured ? heldEvents(store).map(({ eventId, kind }) => ({ eventId, kind })) : [],
      lostClaims: configured ? lostClaims(store) : [],
    };
  }

  async function askClaim(ref: string, agent: string): Promise<ClaimOutcome> {
    // Time-ordered like every outbox id: the claim's event travels under this id later.
    const eventId = timeOrderedId();
    const caseId = parseRef(getCase(store, ref).summary.ref)!;
    // Known to be offline (or never configured): no waiting on a network that is not there.
    if (!configured() || online === false) return { state: 'provisional', eventId };
    const caseKey = store.write(() => caseKeyOf(store, caseId));
    const desktopId = teamDesktopId(store)!;
    let timeout: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        withServer((server) => claimCase(server, { eventId, caseKey, agent, desktopId, leaseMs: LEASE_MS })),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(
            () => reject(new Error('the team server did not answer in time')),
            options.claimTimeoutMs ?? 5_000,
          );
        }),
      ]);
      online = true;
      return outcomeOf(answer);
    } catch (error) {
      online = false;
      lastError = messageOf(error);
      failures = Math.max(failures, 1);
      return { state: 'provisional', eventId };
    } finally {
      clearTimeout(timeout);
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      void runRound();
    },
    async stop() {
      started = false;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
    status,
    async syncNow() {
      await runRound();
      return status();
    },
    askClaim,
  };
}

const outcomeOf = (answer: ClaimAnswer): ClaimOutcome => ({
  state: answer.granted ? 'granted' : 'refused',
  holder: answer.holder,
  leaseUntil: answer.leaseUntil,
  eventId: answer.eventId,
});
