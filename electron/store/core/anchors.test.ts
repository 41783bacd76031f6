import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorFileOf } from './anchors';
import { auditHead } from './audit';
import { verifyAuditWithBackups } from '../integrity/audit-backups';
import { createBackup } from '../integrity/backup';
import { createCase } from '../cases/cases';
import { openStore } from '../open';
import { sampleCase, tempDir } from '../test-support/temp-store';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A closed store of 8 cases with a backup taken after the 5th; returns its paths. */
async function closedStore() {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  const file = join(temp.dir, 'cases.sqlite');
  const store = openStore({ file, autoBackup: false, now: () => Date.parse('2026-03-02T00:00:00Z') });
  for (let i = 0; i < 5; i++) createCase(store, sampleCase({ orderId: `O-${i}` }), 'ann');
  const backup = await createBackup(store);
  for (let i = 5; i < 8; i++) createCase(store, sampleCase({ orderId: `O-${i}` }), 'ann');
  store.close();
  return { file, backup: backup.file };
}

function verify(file: string) {
  const store = openStore({ file, autoBackup: false, now: () => Date.parse('2026-03-02T01:00:00Z') });
  try {
    return verifyAuditWithBackups(store);
  } finally {
    store.close();
  }
}

describe('the audit head anchored outside the database', () => {
  it('records every audited commit and each backup, and exposes the head', async () => {
    const { file } = await closedStore();
    const lines = readFileSync(anchorFileOf(file), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.seq)).toEqual([1, 2, 3, 4, 5, 5, 6, 7, 8]);
    expect(lines[5]).toMatchObject({ seq: 5, backup: expect.stringMatching(/^cases-.*\.sqlite$/) });
    const store = openStore({ file, autoBackup: false });
    expect(auditHead(store)).toEqual({ seq: 8, hash: lines.at(-1).hash });
    store.close();
    expect(verify(file)).toMatchObject({ ok: true, rows: 8 });
  });

  it('names rows cut off the end after the newest backup', async () => {
    const { file } = await closedStore();
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq > 6');
    raw.exec(`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'x'); END`);
    raw.close();
    const result = verify(file);
    expect(result).toMatchObject({ ok: false, rows: 6, firstBadSeq: 7 });
    expect(result.problems.join('\n')).toMatch(
      /the anchor file shows the trail reached row 8 .* the store ends at row 6/,
    );
  });

  it('names a file rolled back to its backup', async () => {
    const { file, backup } = await closedStore();
    copyFileSync(backup, file);
    expect(verify(file).problems.join('\n')).toMatch(
      /reached row 8 .*ends at row 5: rows were cut off or the file was rolled back/,
    );
  });

  it('names a chain recomputed after the newest backup', async () => {
    const { file, backup } = await closedStore();
    // Back to the backup, then rows the console itself hashes, past the anchored head.
    copyFileSync(backup, file);
    const forger = openStore({ file, autoBackup: false, now: () => Date.parse('2026-03-02T00:30:00Z') });
    for (let i = 0; i < 4; i++) createCase(forger, sampleCase({ orderId: `O-forged-${i}` }), 'mallory');
    forger.close();
    // Its own commits were anchored too, but the heads anchored before still disagree.
    expect(verify(file).problems.join('\n')).toMatch(
      /audit row 6 differs from the head the anchor file recorded/,
    );
  });
});
