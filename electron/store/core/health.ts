import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

const DAY = 86_400_000;

/** What the last session left: whether it closed cleanly and when the file was last checked whole. */
interface Health {
  open: boolean;
  checkedAt: number | null;
  /** The file as the clean close left it: written since by anything else, it is checked whole. */
  file?: string;
}

/** Size, modification time and inode: what any other writer of the file changes. */
function fileStamp(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const { size, mtimeMs, ino } = statSync(file);
  return `${size}:${Math.floor(mtimeMs)}:${ino}`;
}

export const healthFileOf = (storeFile: string) => `${storeFile}.health`;

/**
 * A full `quick_check` reads every page: 3.4 s warm and 24 s cold for a million cases, paid by
 * every CLI command. It runs only when something may have gone wrong since the last one: the
 * last session did not close cleanly (this marker still says open), the file changed since it
 * closed (another program, a copy put in its place), the store was never checked here, or the
 * last full check (at open or with a backup) is over a day old. Every
 * other open reads the header, the schema and the audit head (`inspect(file, 'cheap')`);
 * corruption met later at any read still marks the store damaged (noteDamage).
 */
export class HealthMarker {
  private checkedAt: number | null;
  readonly fullCheckDue: boolean;

  constructor(
    readonly storeFile: string,
    now: number,
  ) {
    const last = readHealth(storeFile);
    this.checkedAt = last?.checkedAt ?? null;
    this.fullCheckDue =
      last === null ||
      last.open ||
      last.file !== fileStamp(storeFile) ||
      this.checkedAt === null ||
      now - this.checkedAt > DAY;
  }

  /** Marks the store open (an unclean close leaves it so), with a full check just passed or not. */
  opened(fullCheckAt: number | null): void {
    if (fullCheckAt !== null) this.checkedAt = fullCheckAt;
    this.write(true);
  }

  /** A backup passed integrity_check: the pages it copied are the whole store. */
  checked(at: number): void {
    this.checkedAt = at;
    this.write(true);
  }

  /** Called once the connection is closed, so the file is as the next open will find it. */
  closed(): void {
    this.write(false, fileStamp(this.storeFile));
  }

  private write(open: boolean, file?: string): void {
    const health: Health = { open, checkedAt: this.checkedAt, ...(file === undefined ? {} : { file }) };
    writeFileSync(healthFileOf(this.storeFile), JSON.stringify(health));
  }
}

function readHealth(storeFile: string): Health | null {
  if (!existsSync(healthFileOf(storeFile))) return null;
  try {
    const health = JSON.parse(readFileSync(healthFileOf(storeFile), 'utf8')) as Health;
    return typeof health.open === 'boolean' ? health : null;
  } catch {
    return null; // torn or unreadable: check fully
  }
}
