import type { ClientBase } from 'pg';

/** One step of the team schema; `version` is what `team_schema.version` reads once it has run. */
export interface TeamMigration {
  version: number;
  name: string;
  up(client: ClientBase): Promise<void>;
}
