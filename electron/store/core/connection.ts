import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { captureCaseStateBefore } from './audit-state';
import { NewerDatabaseError } from './errors';
import { openDatabase } from './sqlite';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

export type Inspection =
  { kind: 'absent' } | { kind: 'ok'; version: number } | { kind: 'damaged'; problem: string };

/**
 * Looks at a file through a read-only connection, so neither a newer nor a damaged database
 * gets a single byte written by looking. `full` runs integrity_check (backups); otherwise
 * quick_check, which skips the index-versus-table cross-check and is much faster on big files.
 */
/**
 * How far to look: `full` is integrity_check (backups, restore), `quick` is quick_check (every
 * page), `cheap` reads the header, the schema and the audit head only (see HealthMarker).
 */
export type CheckLevel = 'full' | 'quick' | 'cheap';

export function inspect(file: string, level: CheckLevel = 'quick'): Inspection {
  if (!existsSync(file)) return { kind: 'absent' };
  let db: Database.Database | undefined;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) return { kind: 'ok', version };
    if (level === 'cheap') {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      if (version > 0) db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get();
      return { kind: 'ok', version };
    }
    const rows = db.pragma(level === 'full' ? 'integrity_check' : 'quick_check') as { [k: string]: string }[];
    const messages = rows.map((row) => Object.values(row)[0]);
    if (messages.length === 1 && messages[0] === 'ok') return { kind: 'ok', version };
    return { kind: 'damaged', problem: messages.slice(0, 3).join('; ') };
  } catch (error) {
    return { kind: 'damaged', problem: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

export function refuseNewer(file: string, inspection: Inspection): void {
  if (inspection.kind === 'ok' && inspection.version > LATEST_VERSION) {
    throw new NewerDatabaseError(file, inspection.version, LATEST_VERSION);
  }
}

/** The one writing connection: durable settings first, then any pending migrations. */
export function connect(file: string): Database.Database {
  const db = openDatabase(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // FULL also syncs the WAL at every commit: an acknowledged decision survives power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // 16 MB of page cache holds the hot index pages of a million cases (queue pages and
    // searches measured no faster with 32 MB) and keeps the app's memory modest.
    db.pragma('cache_size = -16384');
    // A big import leaves a WAL as large as itself; after the checkpoint, cut it back.
    db.pragma('journal_size_limit = 67108864');
    migrate(db, file);
    // The search index's vocabulary, per connection (temp), for prefix searches (search.ts).
    db.exec("CREATE VIRTUAL TABLE temp.cases_fts_vocab USING fts5vocab(main, cases_fts, 'row')");
    captureCaseStateBefore(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies every pending migration in one transaction: the file is either before or after. */
export function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) throw new NewerDatabaseError(file, current, LATEST_VERSION);
  const pending = MIGRATIONS.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${LATEST_VERSION}`);
  }).immediate();
}
