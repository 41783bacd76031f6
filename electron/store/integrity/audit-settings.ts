import { isDeepStrictEqual } from 'node:util';
import { settingsHash } from '../core';
import { TEAM_SERVER_SETTING, teamServerText } from '../cases';

type Row = Record<string, unknown>;

interface Recorded {
  hash: string | undefined;
  /** The team server row's value when the hash was taken; undefined when there was none. */
  teamServer: string | undefined;
}

/**
 * The settings as the audit trail last recorded them. A settings.set row hashes them all, and
 * so does a team.server row now; releases up to 067b474 wrote team.server rows without that
 * hash. The team server then stands as its last row named it, and the rest of the settings as
 * the last hash recorded them, with the team server as it was when that hash was taken.
 */
export class SettingsTrail {
  private recorded: Recorded | null = null;
  private teamServer: string | undefined;

  read(action: string, detail: Row, hash: string | undefined): void {
    if (action === 'team.server') {
      this.teamServer = teamServerText((detail.server ?? null) as { url: string; login: string } | null);
    }
    if (action === 'settings.set' || hash !== undefined) {
      this.recorded = { hash, teamServer: this.teamServer };
    }
  }

  problems(rows: readonly Row[]): string[] {
    const problems: string[] = [];
    const server = rows.find((row) => row.key === TEAM_SERVER_SETTING);
    if (!isDeepStrictEqual(server?.value, this.teamServer)) {
      problems.push('the team server setting differs from what the last team.server audit row recorded');
    }
    const others = rows.filter((row) => row !== server);
    const recorded = this.recorded;
    if (recorded === null) {
      if (others.length > 0) problems.push(SETTINGS_CHANGED);
      return problems;
    }
    if (recorded.hash === undefined) return problems;
    const then =
      recorded.teamServer === undefined
        ? others
        : [...others, { key: TEAM_SERVER_SETTING, value: recorded.teamServer }].sort((a, b) =>
            String(a.key) < String(b.key) ? -1 : 1,
          );
    if (settingsHash(then) !== recorded.hash) problems.push(SETTINGS_CHANGED);
    return problems;
  }
}

const SETTINGS_CHANGED = 'the settings differ from what the last settings.set audit row recorded';
