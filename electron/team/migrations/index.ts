import events from './001-events';
import claims from './002-claims';
import roles from './003-roles';
import approvals from './004-approvals';
import trust from './005-trust';
import type { TeamMigration } from './types';

/** Every team schema step in order; a new one is a new file plus one line here. */
export const TEAM_MIGRATIONS: readonly TeamMigration[] = [events, claims, roles, approvals, trust];

export const LATEST_TEAM_VERSION = TEAM_MIGRATIONS.at(-1)!.version;
export type { TeamMigration };
