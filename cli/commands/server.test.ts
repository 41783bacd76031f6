import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_TEAM_VERSION } from '../../electron/team';
import {
  PG_MISSING_MESSAGE,
  findPgBin,
  startPgCluster,
  type PgCluster,
} from '../../electron/team/test-support/pg-cluster';
import { main } from '../refund-console';
import { buildCli, type BuiltCli } from '../test-support/built-cli';
import { memoryIo } from '../test-support/memory-io';

const run = async (args: string[], env: Record<string, string> = {}) => {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const io = memoryIo();
    const code = await main(args, io);
    return { code, out: io.out, err: io.err };
  } finally {
    process.env = saved;
  }
};

describe('server init: what it refuses before reaching any server', () => {
  it('needs a URL', async () => {
    const result = await run(['server', 'init'], { REFUND_TEAM_URL: '' });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--url or REFUND_TEAM_URL/);
  });

  it('refuses to send credentials to a remote host without TLS', async () => {
    const result = await run([
      'server',
      'init',
      '--url',
      'postgres://agent@team.example.com/t?sslmode=disable',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/without TLS/);
  });

  it('refuses a password in --url, saying how to give one, and never repeats it', async () => {
    const result = await run(['server', 'init', '--url', 'postgres://agent:s3cret-pw@127.0.0.1:1/t']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--url must not carry a password/);
    expect(result.err).toMatch(/REFUND_TEAM_PASSWORD_FILE.*REFUND_TEAM_PASSWORD.*when asked/);
    expect(result.err).not.toContain('s3cret-pw');
  });

  it('says the server cannot be reached, with the store-unusable exit code', async () => {
    const result = await run(['server', 'init', '--url', 'postgres://agent@127.0.0.1:1/t'], {
      REFUND_TEAM_PASSWORD: 'pw',
    });
    expect(result.code).toBe(3);
    expect(result.err).toMatch(/cannot reach the team server/);
  });
});

const hasPostgres = findPgBin() !== null;
if (!hasPostgres) console.warn(`Skipping server init against a real server: ${PG_MISSING_MESSAGE}`);

describe.skipIf(!hasPostgres)('server init against a real PostgreSQL cluster, through the built CLI', () => {
  let cluster: PgCluster;
  let cli: BuiltCli;

  beforeAll(async () => {
    cluster = await startPgCluster();
    cli = buildCli();
  }, 120_000);

  afterAll(() => {
    cluster?.destroy();
    cli?.cleanup();
  });
  /** The URL without its password, which the environment gives instead. */
  const bare = (url: string) => url.replace(/\/\/team:[^@]+@/, '//team@');
  const asMei = () => cluster.url.replace(/\/\/team:[^@]+@/, '//mei@');
  const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
  let passwordEnv: NodeJS.ProcessEnv;
  let meiEnv: NodeJS.ProcessEnv;
  beforeAll(() => {
    passwordEnv = { ...process.env, REFUND_TEAM_PASSWORD: passwordOf(cluster.url) };
    meiEnv = { ...process.env, REFUND_TEAM_PASSWORD: 'a-long-password' };
  });

  it('creates the schema once and reports nothing to do the second time, URL from the environment', () => {
    const env = { ...process.env, REFUND_TEAM_URL: cluster.url };
    const first = cli.run(['server', 'init'], { env });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({
      from: 0,
      to: LATEST_TEAM_VERSION,
      applied: ['1-events', '2-claims', '3-roles', '4-approvals', '5-trust'],
    });
    expect(report.server).toContain(':***@127.0.0.1');
    const second = JSON.parse(
      cli.run(['server', 'init', '--url', bare(cluster.url)], { env: passwordEnv }).stdout,
    );
    expect(second).toMatchObject({ from: LATEST_TEAM_VERSION, applied: [] });
  });

  it('adds a member whose password comes from standard input, never the command line', () => {
    const env = { ...process.env, REFUND_TEAM_URL: cluster.url };
    const added = cli.run(['server', 'add-member', 'mei', '--role', 'lead', '--password-file', '-'], {
      env,
      input: 'a-long-password\n',
    });
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toMatchObject({ member: 'mei', role: 'lead' });
    expect(cli.run(['server', 'init', '--url', asMei()], { env: meiEnv }).status).toBe(0);
    const notOwner = cli.run(['server', 'add-member', 'ana', '--url', asMei(), '--password-file', '-'], {
      env: meiEnv,
      input: 'another-long-password',
    });
    expect(notOwner.status).toBe(2);
    expect(notOwner.stderr).toMatch(/refused postgres:\/\/mei@.*permission denied to create role/);
    expect(notOwner.stderr).not.toContain('another-long-password');
    const bad = cli.run(['server', 'add-member', 'Mei Lin', '--password-file', '-'], {
      env,
      input: 'a-long-password',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/cannot be a login name/);
  });

  it('sets and removes an approval threshold as an administrator only, and refuses an amount that is no amount', () => {
    const asLead = cli.run(['server', 'set-approval-threshold', 'CNY', '50000', '--url', asMei()], {
      env: meiEnv,
    });
    expect(asLead.status).toBe(2);
    expect(asLead.stderr).toMatch(/only an administrator of this team sets approval thresholds/);
    const env = { ...passwordEnv };
    const asAdmin = bare(cluster.url);
    const set = cli.run(['server', 'set-approval-threshold', 'CNY', '50000', '--url', asAdmin], { env });
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toMatchObject({ approvalThresholds: { CNY: 50000 } });
    const removed = cli.run(['server', 'set-approval-threshold', 'CNY', 'none', '--url', asAdmin], { env });
    expect(JSON.parse(removed.stdout)).toMatchObject({ approvalThresholds: {} });
    const yuan = cli.run(['server', 'set-approval-threshold', 'CNY', '500.00', '--url', asAdmin], { env });
    expect(yuan.status).toBe(2);
    expect(yuan.stderr).toMatch(/whole number of minor units/);
    const code = cli.run(['server', 'set-approval-threshold', 'yuan', '1', '--url', asAdmin], { env });
    expect(code.status).toBe(2);
    expect(code.stderr).toMatch(/no currency code/);
  });
});
