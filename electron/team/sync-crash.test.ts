import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addNote,
  createCase,
  joinTeam,
  openStore,
  recordDecision,
  teamCursor,
  verifyAuditWithBackups,
  type CaseStore,
} from '../store';
import { sampleCase, tempDir } from '../store/test-support/temp-store';
import { connectTeamServer, initTeamSchema, syncOnce } from '.';
import { PG_MISSING_MESSAGE, findPgBin, startPgCluster, type PgCluster } from './test-support/pg-cluster';

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping the kill -9 sync test: ${PG_MISSING_MESSAGE}`);

const CHILD = join(import.meta.dirname, 'test-support', 'pull-child.ts');
const CASES = 60;

/** Runs the child on `file` and kills it with SIGKILL once it has committed `batches` batches. */
function pullUntilKilled(file: string, url: string, batches: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        if (lines.filter((l) => l.startsWith('cursor')).length === batches) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' || code === 0 ? resolve(lines) : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

const counts = (store: CaseStore) =>
  store.db
    .prepare(
      `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM decisions) AS decisions,
              (SELECT count(*) FROM notes) AS notes, (SELECT count(*) FROM team_applied) AS applied`,
    )
    .get() as Record<string, number>;

describe.skipIf(!hasPostgres)('a desktop killed with kill -9 while applying a pull', () => {
  let cluster: PgCluster;
  let temp: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    cluster = await startPgCluster();
    temp = tempDir();
  }, 60_000);
  afterAll(() => {
    cluster?.destroy();
    temp?.cleanup();
  });

  it('resumes where its last committed batch left it, applying nothing twice', async () => {
    const server = await connectTeamServer(cluster.url);
    await initTeamSchema(server);
    const origin = openStore({ file: join(temp.dir, 'mei.sqlite'), autoBackup: false });
    joinTeam(origin, 'mei');
    for (let i = 0; i < CASES; i++) {
      const ref = createCase(origin, sampleCase({ orderId: `O-${i}` }), 'mei').detail.summary.ref;
      addNote(origin, ref, 'mei', `note ${i}`);
      recordDecision(origin, { ref, agent: 'mei' });
    }
    await syncOnce(origin, server);
    const total = CASES * 3;

    const file = join(temp.dir, 'ravi.sqlite');
    const desk = openStore({ file, autoBackup: false });
    joinTeam(desk, 'ravi');
    desk.close();
    const lines = await pullUntilKilled(file, cluster.url, 3);
    expect(lines).not.toContain('done');

    const reopened = openStore({ file, autoBackup: false });
    try {
      expect(reopened.damage).toBeNull();
      const cursor = teamCursor(reopened);
      // Exactly the committed batches are there: three of 25, or a fourth the kill let finish.
      expect([75, 100]).toContain(cursor);
      expect(counts(reopened).applied).toBe(cursor);
      const summary = await syncOnce(reopened, server);
      expect(summary.applied).toBe(total - cursor);
      expect(counts(reopened)).toEqual({ cases: CASES, decisions: CASES, notes: CASES, applied: total });
      expect(verifyAuditWithBackups(reopened).ok).toBe(true);
    } finally {
      reopened.close();
      origin.close();
      await server.close();
    }
  }, 120_000);
});
