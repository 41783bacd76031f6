import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from './core/audit';
import { createCase } from './cases/cases';
import { openStore } from './open';
import { seededRandom } from './test-support/generate';
import { sampleCase, tempDir } from './test-support/temp-store';

const BASE_CASES = 200;
const IMPORT_SIZE = 100_000;
const ROUNDS = 10;
const MAX_DELAY_MS = 4_500;
const CHILD = join(import.meta.dirname, 'test-support', 'crash-child.ts');

let temp: ReturnType<typeof tempDir>;
let baseFile: string;
let baseDigest: string;

// Only the columns nothing but creation writes: decisions legitimately change the others.
const digestOfEarlierRows = (db: Database.Database) =>
  createHash('sha256')
    .update(
      JSON.stringify(
        db
          .prepare(
            'SELECT id, customer_name, account_id, order_id, facts, created_at FROM cases WHERE id <= ? ORDER BY id',
          )
          .all(BASE_CASES),
      ),
    )
    .digest('hex');

beforeAll(() => {
  temp = tempDir();
  baseFile = join(temp.dir, 'base.sqlite');
  const store = openStore({ file: baseFile, autoBackup: false });
  for (let i = 0; i < BASE_CASES; i++) createCase(store, sampleCase({ orderId: `O-base-${i}` }), 'setup');
  store.close();
  const db = new Database(baseFile, { readonly: true });
  baseDigest = digestOfEarlierRows(db);
  db.close();
});
afterAll(() => temp.cleanup());

/** Runs the child on `file`, kills it with SIGKILL `delay` ms after it is ready, returns its output. */
function runAndKill(file: string, seed: number, delay: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, file, String(seed), String(BASE_CASES)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (timer === undefined && out.startsWith('ready\n'))
        timer = setTimeout(() => child.kill('SIGKILL'), delay);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself: ${err}`));
      else resolve(out.split('\n').filter(Boolean));
    });
  });
}

describe('crash safety', () => {
  it(`survives SIGKILL at ${ROUNDS} random moments during decisions and a 100k-row import`, async () => {
    const random = seededRandom(20260302);
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const file = join(temp.dir, `round-${round}.sqlite`);
      copyFileSync(baseFile, file);
      // Stratified: one moment in each tenth of the range, so early and late kills both happen.
      const delay = Math.floor(((round + random()) / ROUNDS) * MAX_DELAY_MS);
      const lines = await runAndKill(file, round + 1, delay);

      const db = new Database(file);
      expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
      const cases = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
      const imported = lines.includes(`imported ${IMPORT_SIZE}`);
      expect([BASE_CASES, BASE_CASES + IMPORT_SIZE], `round ${round}: all or nothing`).toContain(cases);
      if (imported) expect(cases).toBe(BASE_CASES + IMPORT_SIZE);
      expect(digestOfEarlierRows(db), `round ${round}: earlier rows`).toBe(baseDigest);
      const acknowledged = lines
        .filter((line) => line.startsWith('decided '))
        .map((line) => Number(line.slice(8)));
      const stored = db
        .prepare('SELECT count(*) FROM decisions WHERE id <= ?')
        .pluck()
        .get(Math.max(0, ...acknowledged));
      expect(stored, `round ${round}: acknowledged decisions`).toBe(acknowledged.length);
      db.close();
      const store = openStore({ file, autoBackup: false });
      expect(verifyAudit(store).ok, `round ${round}: audit chain`).toBe(true);
      store.close();
      outcomes.push(`${delay}ms:${cases === BASE_CASES ? 'none' : 'all'}/${acknowledged.length}`);
    }
    console.log(`crash rounds (kill delay: import, acknowledged decisions): ${outcomes.join(' ')}`);
  }, 120_000);
});
