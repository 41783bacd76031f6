import type Database from 'better-sqlite3';
import type { StoreDamagedError } from './errors';

/**
 * The open case store: one connection, the injected clock and where backups go. Repository
 * modules are functions over it. `db` is swapped by a restore, so callers keep the store,
 * never the connection.
 */
export class CaseStore {
  private statements = new Map<string, Database.Statement>();
  /** The backup started at open, if one was due (see openStore). */
  autoBackup: Promise<unknown> = Promise.resolve(null);

  constructor(
    public db: Database.Database,
    readonly file: string,
    readonly backupDir: string,
    readonly now: () => number,
    public damage: StoreDamagedError | null,
  ) {}

  /** A prepared statement, compiled once per connection. */
  sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `work` as one IMMEDIATE transaction; a damaged store refuses before touching it. */
  write<T>(work: () => T): T {
    if (this.damage !== null) throw this.damage;
    return this.db.transaction(work).immediate();
  }

  /** Takes a new connection after a restore; the old one must already be closed. */
  attach(db: Database.Database): void {
    this.statements.clear();
    this.db = db;
    this.damage = null;
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}
