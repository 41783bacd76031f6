import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../refund-console';
import { buildCli } from '../test-support/built-cli';
import { memoryIo } from '../test-support/memory-io';

const dir = mkdtempSync(join(tmpdir(), 'rc-decide-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const saas = file(
  'saas.json',
  JSON.stringify({
    productType: 'saas',
    paidAt: '2026-03-01T10:00:00+08:00',
    requestedAt: '2026-03-06T10:00:00+08:00',
    orderAmount: 19900,
    voucherAmount: 900,
  }),
);

describe('refund-console decide', () => {
  it('prints the decision as JSON and exits 0', async () => {
    const io = memoryIo();
    expect(await main(['decide', saas], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({
      outcome: 'eligible',
      refundAmount: 19000,
      windowClosesAt: '2026-03-06T02:00:00.000Z',
    });
    expect(io.err).toBe('');
  });

  it('reads stdin for -', async () => {
    const io = memoryIo('{"productType":"api"}');
    expect(await main(['decide', '-'], io)).toBe(0);
    expect(JSON.parse(io.out).outcome).toBe('ineligible');
  });

  it('explains in readable text, in English or Chinese', async () => {
    const en = memoryIo();
    await main(['decide', saas, '--explain'], en);
    expect(en.out).toContain('Cash refund: CNY 190.00');
    expect(en.out).toContain('[refund.cash-only]');
    const zh = memoryIo();
    await main(['decide', saas, '--explain', '--lang', 'zh'], zh);
    expect(zh.out).toContain('现金退款: CNY 190.00');
  });

  it.each([
    ['{"productType":"saas","orderAmount":-1}', 'orderAmount: must not be negative'],
    ['{"paidAt":"2026-03-01 10:00"}', 'paidAt: must be an ISO 8601 date-time with a UTC offset'],
    ['{not json', 'is not valid JSON'],
  ])(
    'rejects %s with exit 2, one message naming the problem, nothing on stdout',
    async (content, message) => {
      const io = memoryIo();
      expect(await main(['decide', file('bad.json', content)], io)).toBe(2);
      expect(io.err).toContain(message);
      expect(io.err.trim().split('\n')).toHaveLength(1);
      expect(io.out).toBe('');
    },
  );

  it('reports a missing file and a missing argument', async () => {
    const io = memoryIo();
    expect(await main(['decide', join(dir, 'nope.json')], io)).toBe(2);
    expect(io.err).toContain('cannot read');
    expect(await main(['decide'], memoryIo())).toBe(2);
  });

  it('refuses an option it does not know instead of answering without it', async () => {
    const io = memoryIo();
    expect(await main(['decide', saas, '--policy', 'v1'], io)).toBe(2);
    expect(io.err).toBe(
      'refund-console decide: unknown option --policy (see refund-console decide --help)\n',
    );
    expect(io.out).toBe('');
  });
});

describe('the installed command, under several machine time zones', () => {
  let cli: ReturnType<typeof buildCli>;
  beforeAll(() => {
    cli = buildCli();
  });
  afterAll(() => cli.cleanup());
  const monthEnd = file(
    'service.json',
    JSON.stringify({
      productType: 'service',
      serviceStatus: 'in_progress',
      paidAt: '2026-11-30T10:00:00+08:00',
      requestedAt: '2027-02-28T10:00:00+08:00',
      guaranteeEndsAt: '2027-12-31T00:00:00Z',
      orderAmount: 1,
    }),
  );
  it.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'])('TZ=%s', async (TZ) => {
    const { status, stdout } = cli.run(['decide', monthEnd], { env: { ...process.env, TZ } });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).missing).toHaveLength(5);
  });

  it('loads neither SQLite nor the store: only the rules and its own chunk', () => {
    const loaded = [...cli.loadedBy('decide')];
    expect(loaded).not.toContain('better-sqlite3');
    expect(loaded.filter((name) => !name.startsWith('./') && !name.startsWith('node:'))).toEqual([]);
    const store = [...cli.loadedBy('case')];
    expect(store).toContain('better-sqlite3');
  });

  it('ends quietly when its reader has gone (| head), not with an EPIPE stack', async () => {
    const child = spawn(process.execPath, [cli.bin, 'decide', '-']);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    // The reader closes before the CLI writes: it is still waiting for its standard input.
    child.stdout.destroy();
    child.stdin.end('{"productType":"api"}');
    const [code] = await once(child, 'close');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('exits 2 with the message on stderr', () => {
    expect(cli.run(['decide', file('neg.json', '{"orderAmount":-5}')])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'refund-console decide: orderAmount: must not be negative\n',
    });
  });
});
