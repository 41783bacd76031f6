import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';

/**
 * The audit head (last seq and hash) kept outside the database, one JSON line per committed
 * audited change, so a file rolled back, cut short or re-hashed while the app was closed no
 * longer matches what the app last saw. Lines are appended at every audited commit (a
 * process kill cannot lose them) and fsynced at every backup, restore and close.
 */
export interface HeadAnchor {
  seq: number;
  hash: string;
  at: number;
  /** Set on the line written just before a restore swaps files: the head of the backup. */
  restore?: string;
  /** Set on the line a backup writes: the backup's file name. */
  backup?: string;
  /** Set on the first line of an anchor file started for a store that already had rows. */
  start?: true;
  /** The highest case id issued when the line was written (lines since refs outlive restores). */
  lastId?: number;
}

/** The highest case id any line records: no case is ever given one of those refs again. */
export const highestIssuedId = (anchors: readonly HeadAnchor[]): number =>
  anchors.reduce((highest, anchor) => Math.max(highest, anchor.lastId ?? 0), 0);

export const anchorFileOf = (storeFile: string) => `${storeFile}.anchors`;

export class AnchorLog {
  private fd: number | null;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'a');
  }

  append(anchor: HeadAnchor, sync = false): void {
    if (this.fd === null) return;
    writeSync(this.fd, `${JSON.stringify(anchor)}\n`);
    if (sync) fsyncSync(this.fd);
  }

  sync(): void {
    if (this.fd !== null) fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd === null) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
  }
}

export const hasAnchors = (storeFile: string) =>
  existsSync(anchorFileOf(storeFile)) && statSync(anchorFileOf(storeFile)).size > 0;

/** Every readable line; a torn last line (a kill mid-append) is skipped, others are reported. */
export function readAnchors(storeFile: string): { anchors: HeadAnchor[]; unreadable: number[] } {
  if (!existsSync(anchorFileOf(storeFile))) return { anchors: [], unreadable: [] };
  const lines = readFileSync(anchorFileOf(storeFile), 'utf8').split('\n');
  const anchors: HeadAnchor[] = [];
  const unreadable: number[] = [];
  lines.forEach((line, index) => {
    if (line === '') return;
    try {
      const anchor = JSON.parse(line) as HeadAnchor;
      if (typeof anchor.seq !== 'number' || typeof anchor.hash !== 'string') throw new Error('not an anchor');
      anchors.push(anchor);
    } catch {
      // Only the segment after the last newline can be a torn append.
      if (index !== lines.length - 1) unreadable.push(index + 1);
    }
  });
  return { anchors, unreadable };
}
