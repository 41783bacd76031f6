import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { AnchorLog } from './anchors';
import type { HealthMarker } from './health';
import { clearCapturedStates } from './audit-state';
import { StoreReplacedError, type StoreDamagedError } from './errors';
import type { StoreLock } from './lock';

/** Which file a path named when the store opened it; another file there means it was replaced. */
interface FileIdentity {
  dev: number;
  ino: number;
}

const identityOf = (file: string): FileIdentity | null => {
  try {
    const { dev, ino } = statSync(file);
    return { dev, ino };
  } catch {
    return null;
  }
};

/**
 * The open case store: one connection, the injected clock and where backups go. Repository
 * modules are functions over it. `db` is swapped by a restore, so callers keep the store,
 * never the connection. The store owns its lock from open to close.
 */
export class CaseStore {
  private statements = new Map<string, Database.Statement>();
  private identity: FileIdentity | null;
  /** The backup started at open, if one was due (see openStore). */
  autoBackup: Promise<unknown> = Promise.resolve(null);
  /**
   * The highest case id ever issued beyond the rows now held: a restore to an older backup
   * keeps the refs the replaced file gave out (anchor lines carry `lastId`; see openStore).
   */
  idFloor = 0;
  /** Says at close that the session ended cleanly; null for a damaged or checked-only store. */
  health: HealthMarker | null = null;
  /** The audit head an append in the running transaction produced; anchored once it commits. */
  pendingHead: { seq: number; hash: string } | null = null;

  constructor(
    public db: Database.Database,
    readonly file: string,
    readonly backupDir: string,
    readonly now: () => number,
    public damage: StoreDamagedError | null,
    /** Null for a store read only to check it (a backup's copy before a restore). */
    private readonly lock: StoreLock | null,
    readonly anchors: AnchorLog | null,
  ) {
    this.identity = identityOf(file);
  }

  /** A prepared statement, compiled once per connection. */
  sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Runs `work` as one IMMEDIATE transaction; a damaged store refuses before touching it, and
   * so does a store whose file was replaced underneath it (one stat, a few microseconds).
   */
  write<T>(work: () => T): T {
    if (this.damage !== null) throw this.damage;
    this.refuseIfReplaced();
    this.pendingHead = null;
    try {
      const result = this.db
        .transaction(() => {
          // Before-states captured outside a write (or by one that audited nothing) are stale.
          clearCapturedStates(this);
          return work();
        })
        .immediate();
      // Read back through a cast: TypeScript cannot see that `work` set it.
      const head = this.pendingHead as { seq: number; hash: string } | null;
      if (head !== null) this.anchors?.append({ ...head, at: this.now(), lastId: this.lastIssuedId() });
      return result;
    } finally {
      this.pendingHead = null;
    }
  }

  /** The highest case id ever issued here; refs are never given twice, across restores too. */
  lastIssuedId(): number {
    const held = this.sql('SELECT coalesce(max(id), 0) AS last_id FROM cases').pluck().get() as number;
    return Math.max(held, this.idFloor);
  }

  refuseIfReplaced(): void {
    const now = identityOf(this.file);
    if (
      now === null ||
      this.identity === null ||
      now.dev !== this.identity.dev ||
      now.ino !== this.identity.ino
    ) {
      throw new StoreReplacedError(this.file);
    }
  }

  /** Takes a new connection after a restore; the old one must already be closed. */
  attach(db: Database.Database): void {
    this.statements.clear();
    this.db = db;
    this.damage = null;
    this.identity = identityOf(this.file);
  }

  /** Closes the connection only, keeping the lock (a restore swaps files in between). */
  detach(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }

  close(): void {
    this.detach();
    this.anchors?.close();
    this.health?.closed();
    this.lock?.release();
  }
}
