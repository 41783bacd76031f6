import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorFileOf } from '../core/anchors';
import { verifyAuditWithBackups } from './audit-backups';
import { createBackup } from './backup';
import { createCase } from '../cases/cases';
import { importCases } from '../cases/cases-bulk';
import { recordDecision } from '../cases/decisions';
import { addNote } from '../cases/notes';
import { openStore } from '../open';
import { setSettings } from '../cases/settings';
import { seededRandom } from '../test-support/generate';
import { sampleCase, START, tempDir } from '../test-support/temp-store';

const FLIPS = 200;
let temp: ReturnType<typeof tempDir>;
let original: string;
let backupDir: string;
let originalDump: string;

/**
 * Every row of every table, as one digest. The search index is taken by what it says (which
 * words each case holds, as FTS5 reads them), not by its blobs, whose bookkeeping bytes (a
 * write counter, say) can change without changing a single answer.
 */
function dump(file: string): string {
  const db = new Database(file);
  try {
    const hash = createHash('sha256');
    db.exec("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, cases_fts, 'instance')");
    hash.update(
      JSON.stringify(db.prepare('SELECT term, doc FROM temp.words ORDER BY term, doc').raw().all()),
    );
    const tables = db
      .prepare(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'cases_fts%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all();
      const lines = rows.map((row) =>
        JSON.stringify(row, (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
      );
      hash.update(`${table}\n${lines.sort().join('\n')}\n`);
    }
    hash.update(
      JSON.stringify(db.prepare('SELECT type, name, sql FROM main.sqlite_master ORDER BY name').raw().all()),
    );
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  temp = tempDir();
  original = join(temp.dir, 'original', 'cases.sqlite');
  backupDir = join(temp.dir, 'original', 'backups');
  const store = openStore({ file: original, autoBackup: false, now: () => START });
  setSettings(store, { agentName: 'ann' });
  for (let i = 0; i < 12; i++) createCase(store, sampleCase({ orderId: `O-${i}` }), 'ann');
  importCases(
    store,
    Array.from({ length: 12 }, (_, i) => sampleCase({ orderId: `O-imp-${i}` })),
    'ann',
  );
  for (let i = 1; i <= 8; i++) recordDecision(store, { ref: `RC-00000${i}`, agent: 'ann', note: `n${i}` });
  for (let i = 1; i <= 5; i++) addNote(store, `RC-00001${i}`, 'ann', `called back ${i}`);
  await createBackup(store);
  store.close();
  originalDump = dump(original);
});
afterAll(() => temp.cleanup());

describe('single flipped bits', () => {
  it(`are never passed over in silence (${FLIPS} seeded flips, each on a fresh copy)`, () => {
    const random = seededRandom(20261127);
    const bytes = readFileSync(original);
    const outcome = { unchanged: 0, atOpen: 0, byVerify: 0 };
    for (let flip = 0; flip < FLIPS; flip++) {
      const offset = Math.floor(random() * bytes.length);
      const bit = Math.floor(random() * 8);
      const folder = join(temp.dir, `flip-${flip}`);
      mkdirSync(folder);
      const file = join(folder, 'cases.sqlite');
      const copy = Buffer.from(bytes);
      copy[offset]! ^= 1 << bit;
      writeFileSync(file, copy);
      copyFileSync(anchorFileOf(original), anchorFileOf(file));
      const where = `bit ${bit} of byte ${offset}`;

      const store = openStore({ file, backupDir, autoBackup: false, now: () => START + 3_600_000 });
      try {
        if (store.damage !== null) {
          expect(store.damage.message, where).toMatch(/is damaged .* restore .*cases-/s);
          outcome.atOpen++;
          continue;
        }
        const verification = verifyAuditWithBackups(store);
        if (!verification.ok) {
          expect(verification.problems.length, where).toBeGreaterThan(0);
          outcome.byVerify++;
          continue;
        }
      } finally {
        store.close();
      }
      // Said ok: then the flip must have landed where no data lives.
      expect(dump(file), `${where} changed the data, and nothing said so`).toBe(originalDump);
      outcome.unchanged++;
    }
    console.log(
      `bit flips: ${outcome.atOpen} named at open, ${outcome.byVerify} by verify-audit, ${outcome.unchanged} changed no data`,
    );
  }, 60_000);
});
