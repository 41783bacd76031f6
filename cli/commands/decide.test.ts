import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../refund-console';
import { buildCli } from '../test-support/built-cli';
import { RULE_BOOK } from '../../shared/policy';
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

  it('judges under a named revision or a draft file, the newest revision by default', async () => {
    const lapsed = file(
      'lapsed.json',
      JSON.stringify({
        productType: 'service',
        serviceStatus: 'in_progress',
        paidAt: '2026-03-01T10:00:00+08:00',
        requestedAt: '2026-04-12T10:00:00+08:00',
        guaranteeEndsAt: '2026-12-31T00:00:00+08:00',
        orderAmount: 50000,
        exclusions: { scopeExceeded: false, itemLapsed: true, legalViolation: false },
      }),
    );
    const outcomeUnder = async (...flags: string[]) => {
      const io = memoryIo();
      expect(await main(['decide', lapsed, ...flags], io)).toBe(0);
      const decision = JSON.parse(io.out);
      return `${decision.outcome} ${decision.policyVersion}/${decision.policyRevision}`;
    };
    expect(await outcomeUnder()).toBe('ineligible v1/v1.1');
    expect(await outcomeUnder('--policy', 'v1.1')).toBe('ineligible v1/v1.1');
    expect(await outcomeUnder('--policy', 'v1')).toBe('eligible v1/v1');
    const draft = { ...RULE_BOOK.revision('v1.1').data, revision: 'draft-no-lapse', exclusions: [] };
    expect(await outcomeUnder('--policy', file('draft.json', JSON.stringify(draft)))).toBe(
      'eligible v1/draft-no-lapse',
    );
  });

  it('refuses an unknown revision and a broken draft with exit 2', async () => {
    const unknown = memoryIo();
    expect(await main(['decide', saas, '--policy', 'v7'], unknown)).toBe(2);
    expect(unknown.err).toContain('--policy: not a revision (v1, v1.1) nor a readable draft');
    const broken = memoryIo();
    const draft = file('broken-draft.json', '{"version":"v1"}');
    expect(await main(['decide', saas, '--policy', draft], broken)).toBe(2);
    expect(broken.err).toMatch(/--policy .*broken-draft\.json: revision: /);
  });

  it('prints the trace with --trace, as JSON or under --explain', async () => {
    const traced = memoryIo();
    expect(await main(['decide', saas, '--trace'], traced)).toBe(0);
    expect(JSON.parse(traced.out).trace.steps[1]).toMatchObject({
      rule: 'saas.guarantee-window',
      holds: true,
    });
    const text = memoryIo();
    expect(await main(['decide', saas, '--trace', '--explain'], text)).toBe(0);
    expect(text.out).toContain('Rules checked, in order:\n  productType (productType=saas): applies');
    const plain = memoryIo();
    await main(['decide', saas], plain);
    expect(JSON.parse(plain.out)).not.toHaveProperty('trace');
  });

  it('shows what would change a refusal under --explain', async () => {
    const late = file(
      'late.json',
      JSON.stringify({
        productType: 'saas',
        paidAt: '2026-03-01T10:00:00+08:00',
        requestedAt: '2026-03-09T10:00:00+08:00',
        orderAmount: 19900,
      }),
    );
    const io = memoryIo();
    expect(await main(['decide', late, '--explain'], io)).toBe(0);
    expect(io.out).toContain(
      'What would change the outcome:\n  - Would have been eligible for a full refund if requested by 2026-03-06 10:00 UTC+08:00.',
    );
  });

  it('refuses an option it does not know instead of answering without it', async () => {
    const io = memoryIo();
    expect(await main(['decide', saas, '--verbose'], io)).toBe(2);
    expect(io.err).toBe(
      'refund-console decide: unknown option --verbose (see refund-console decide --help)\n',
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
    const missingUnder = (policy: string) => {
      const { status, stdout } = cli.run(['decide', monthEnd, '--policy', policy], {
        env: { ...process.env, TZ },
      });
      expect(status).toBe(0);
      return JSON.parse(stdout).missing;
    };
    expect(missingUnder('v1')).toHaveLength(5);
    expect(missingUnder('v1.1')).toHaveLength(6); // and whether an item lapsed
  });

  it('loads neither SQLite nor the store: only the rules and its own chunk', () => {
    const loaded = [...cli.loadedBy('decide')];
    expect(loaded).not.toContain('better-sqlite3');
    expect(loaded.filter((name) => !name.startsWith('./') && !name.startsWith('node:'))).toEqual([]);
    const store = [...cli.loadedBy('case')];
    expect(store).toContain('better-sqlite3');
  });

  it('a store command loads none of the API domains it does not call: no pg, parsers or printer', () => {
    const sources = [...cli.sourcesLoadedBy('case')];
    expect(sources.some((source) => source.endsWith('electron/api/cases.ts'))).toBe(true);
    const heavy = [
      '/pg/',
      '/csv-parse/',
      '/iconv-lite/',
      '/postal-mime/',
      'electron/team-sync/',
      'electron/reports/',
    ];
    expect(sources.filter((source) => heavy.some((part) => source.includes(part)))).toEqual([]);
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
