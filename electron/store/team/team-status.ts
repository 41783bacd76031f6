import { appendAudit, type CaseStore, formatRef, parseRef, teamDesktopId } from '../core';
import { TEAM_SERVER_SETTING, teamServerText } from '../cases';
import { provisionalRefs } from './team-claims';

// What the console shows of team mode, read from the store alone (never from the network):
// per case whether it is synced, waiting to sync or in conflict, and where the team server is.

export type CaseSyncState = 'synced' | 'waiting' | 'conflict';

export interface CaseTeamState {
  ref: string;
  state: CaseSyncState;
  /** The agent's claim of the case still waits for the server's answer. */
  provisionalClaim: boolean;
}

/** The cases' states (unknown refs left out); empty when the store is not in a team. */
export function caseSyncStates(store: CaseStore, refs: readonly string[]): CaseTeamState[] {
  const ids = refs.map(parseRef).filter((id): id is number => id !== null);
  if (ids.length === 0 || teamDesktopId(store) === null) return [];
  const list = JSON.stringify(ids);
  const known = store
    .sql('SELECT id FROM cases WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(list) as number[];
  const inConflict = new Set(
    store
      .sql(
        `SELECT DISTINCT case_id FROM case_conflicts
         WHERE resolved_at IS NULL AND case_id IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(list) as number[],
  );
  const waiting = new Set(
    store
      .sql(
        `SELECT DISTINCT k.case_id FROM team_outbox o JOIN team_case_keys k ON k.case_key = o.case_key
         WHERE o.pushed_at IS NULL AND k.case_id IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(list) as number[],
  );
  const provisional = provisionalRefs(store);
  return known.map((id) => ({
    ref: formatRef(id),
    state: inConflict.has(id) ? 'conflict' : waiting.has(id) ? 'waiting' : 'synced',
    provisionalClaim: provisional.has(formatRef(id)),
  }));
}

/** Cases with a conflict no agent has settled yet. */
export function countCasesInConflict(store: CaseStore): number {
  return store
    .sql('SELECT count(DISTINCT case_id) FROM case_conflicts WHERE resolved_at IS NULL')
    .pluck()
    .get() as number;
}

/** Where this desktop syncs: the server's URL (without a password) and the agent's login. */
export interface TeamServerSetting {
  url: string;
  login: string;
}

// Kept with the settings (TEAM_SERVER_SETTING); the password never is (the shell keeps it with
// the OS keychain).

export function getTeamServerSetting(store: CaseStore): TeamServerSetting | null {
  // A row, not pluck(): store.sql shares the statement, and pluck would stick for other readers.
  const row = store.sql('SELECT value FROM settings WHERE key = ?').get(TEAM_SERVER_SETTING) as
    { value: string } | undefined;
  return row === undefined ? null : (JSON.parse(row.value) as TeamServerSetting | null);
}

/** Sets or (with null) clears the team server, audited; the URL is checked by the caller. */
export function setTeamServerSetting(
  store: CaseStore,
  setting: TeamServerSetting | null,
  actor: string,
): void {
  store.write(() => {
    store
      .sql(
        `INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(TEAM_SERVER_SETTING, teamServerText(setting));
    appendAudit(store, { caseRef: null, action: 'team.server', actor, detail: { server: setting } });
  });
}
