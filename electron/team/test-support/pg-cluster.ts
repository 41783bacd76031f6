import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: its own folder under the temp
 * folder, a loopback port, password authentication, stopped and deleted by `destroy`. The
 * server refuses to run as root, so under root it runs as the `postgres` account Debian's
 * package creates (or `nobody`).
 */
export interface PgCluster {
  /** postgres://team:…@127.0.0.1:PORT/refund_team */
  readonly url: string;
  readonly port: number;
  /** The server's log: what it wrote of failed statements (a test reads it for secrets). */
  readonly logFile: string;
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  destroy(): void;
}

/** The folder holding initdb and pg_ctl, or null (then the caller skips, saying why). */
export function findPgBin(): string | null {
  const fromEnv = process.env.REFUND_CONSOLE_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length === 0 ? null : join(root, versions[0]!, 'bin');
}

export const PG_MISSING_MESSAGE =
  'PostgreSQL is not installed (no initdb under /usr/lib/postgresql): `apt-get install postgresql`, ' +
  'or set REFUND_CONSOLE_PG_BIN to its bin folder. .ci/run installs it.';

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  if (bin === null) throw new Error(PG_MISSING_MESSAGE);
  const folder = mkdtempSync(join(tmpdir(), 'rc-pg-'));
  const data = join(folder, 'data');
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  const runAs = serviceAccount();
  writeFileSync(join(folder, 'pw'), `${password}\n`);
  if (runAs) chownRecursive(folder, runAs);
  const run = (tool: string, args: string[]) => {
    const command = runAs ? 'runuser' : join(bin, tool);
    const argv = runAs ? ['-u', runAs.name, '--', join(bin, tool), ...args] : args;
    // stdin closed and the password in the environment: a tool that would prompt fails instead.
    const result = spawnSync(command, argv, {
      encoding: 'utf8',
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PGPASSWORD: password },
      timeout: 60_000,
    });
    if (result.status !== 0) {
      throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
    }
  };
  function stopAndRemove() {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running
    }
    rmSync(folder, { recursive: true, force: true });
  }
  run('initdb', [
    '-D',
    data,
    '-U',
    'team',
    '--auth=scram-sha-256',
    `--pwfile=${join(folder, 'pw')}`,
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  // fsync off: a test cluster's durability is the test's lifetime, and it halves the run time.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${folder} -c fsync=off -c full_page_writes=off`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'log'), '-w', 'start']);
  try {
    start();
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'team', 'refund_team']);
  } catch (error) {
    stopAndRemove();
    throw error;
  }
  return {
    url: `postgres://team:${password}@127.0.0.1:${port}/refund_team`,
    port,
    logFile: join(folder, 'log'),
    start,
    stop: (mode = 'fast') => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
    destroy: stopAndRemove,
  };
}

interface Account {
  name: string;
  uid: number;
  gid: number;
}

function serviceAccount(): Account | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }));
      return { name, uid, gid };
    } catch {
      // no such account: try the next
    }
  }
  throw new Error('Running as root with neither a postgres nor a nobody account to run PostgreSQL as.');
}

function chownRecursive(path: string, account: Account): void {
  chownSync(path, account.uid, account.gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownRecursive(child, account);
    else chownSync(child, account.uid, account.gid);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
