import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { CliIo } from '../io';
import { addNote, listAudit, openStore } from '../../electron/store';
import { sampleCase } from '../../electron/store/test-support/temp-store';
import { main } from '../refund-console';
import { buildCli } from '../test-support/built-cli';

let temp: { dir: string };
let db: string;
beforeEach(() => {
  temp = { dir: mkdtempSync(join(tmpdir(), 'rc-cli-')) };
  db = join(temp.dir, 'cases.sqlite');
});
afterEach(() => rmSync(temp.dir, { recursive: true, force: true }));

/** Runs the real CLI entry with files read from a map and output captured. */
async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readInput: async (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file ${path}`);
      return files[path]!;
    },
    readBytes: () => Promise.reject(new Error('not read as bytes here')),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const sample = sampleCase();
const newCase = JSON.stringify({
  ...sample,
  facts: { ...sample.facts, requestedAt: '2026-03-02T09:00:00+08:00' },
});

describe('refund-console case', () => {
  it('refuses an implausible case: exit 2, the field and the problem, nothing stored', async () => {
    const huge = JSON.stringify({
      ...sample,
      facts: { ...sample.facts, orderAmount: 9_000_000_000_000_000 },
    });
    const refused = await run(['--db', db, '--new-store', 'case', 'add', 'c.json'], { 'c.json': huge });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/facts\.orderAmount: is too large for an order/);
    expect((await run(['--db', db, 'case', 'list', '--json'])).stdout).not.toContain('RC-000001');
  });

  it('adds, decides, shows and lists, with --db before or after the command', async () => {
    expect(await run(['--db', db, 'case', 'add', 'c.json'], { 'c.json': newCase })).toEqual({
      code: 0,
      stdout: 'RC-000001\n',
      stderr: '',
    });
    const decided = await run([
      'case',
      'decide',
      'RC-000001',
      '--agent',
      'ann',
      '--note',
      'called',
      '--db',
      db,
    ]);
    expect(decided.code).toBe(0);
    expect(JSON.parse(decided.stdout)).toMatchObject({
      caseRef: 'RC-000001',
      recordedOutcome: 'eligible',
      agent: 'ann',
      note: 'called',
      decision: { outcome: 'eligible', refundAmount: 19900, requestedAt: '2026-03-02T01:00:00.000Z' },
    });
    const shown = await run([`--db=${db}`, 'case', 'show', 'RC-000001', '--json']);
    expect(JSON.parse(shown.stdout).decisions).toHaveLength(1);

    const listed = await run(['--db', db, 'case', 'list', '--status', 'decided']);
    expect(listed.stdout).toMatch(/^REF\s+STATUS\s+OUTCOME/);
    expect(listed.stdout).toMatch(/RC-000001\s+decided\s+eligible\s+2026-03-06T02:00:00.000Z\s+Li Wei/);
    expect(listed.stdout).toMatch(/1 of 1 cases\n$/);
    const drill = async (...flags: string[]) =>
      JSON.parse((await run(['--db', db, 'case', 'list', '--json', ...flags])).stdout).total;
    expect(await drill('--kind', 'saas,api', '--outcome', 'eligible,ineligible')).toBe(1);
    expect(await drill('--decided-by', 'ann', '--decided-from', '2026-03-01T00:00:00Z')).toBe(1);
    expect(await drill('--decided-by', 'bob')).toBe(0);
    expect(await drill('--overridden')).toBe(0);
    expect(
      JSON.parse((await run(['--db', db, 'case', 'list', '--status', 'open', '--json'])).stdout),
    ).toEqual({
      items: [],
      next: null,
      total: 0,
    });
  });

  it('fails with exit 2, a message and no change on bad input', async () => {
    const bad = await run(['--db', db, 'case', 'add', 'c.json'], { 'c.json': '{"customer":{}}' });
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^refund-console case add: customer\.name: /);
    expect(await run(['--db', db, 'case', 'add', 'nope.json'])).toMatchObject({ code: 2 });
    // Half of a UTF-16 pair, as JSON may escape it: not text, and SQLite would store it as invalid UTF-8.
    const lone = newCase.replace(/"name":"[^"]*"/, '"name":"Zo\\ud800e"');
    expect(await run(['--db', db, 'case', 'add', 'c.json'], { 'c.json': lone })).toMatchObject({
      code: 2,
      stderr:
        'refund-console case add: c.json: customer.name holds half of a UTF-16 surrogate pair (\\ud800), which is not text\n',
    });
    expect(await run(['--db', db, 'case', 'decide', 'RC-000009'])).toMatchObject({
      code: 2,
      stderr: 'refund-console case decide: no case RC-000009\n',
    });
    expect((await run(['--db', db, 'case', 'list', '--status', 'lost'])).code).toBe(2);
    expect((await run(['--db', db, 'case', 'list', '--kind', 'boat'])).stderr).toMatch(/productType/);
    expect((await run(['--db', db, 'case', 'frobnicate'])).code).toBe(2);
    expect((await run(['--db', db, 'case', 'show', 'RC-000001', '--colour'])).stderr).toMatch(
      /unknown option --colour/,
    );
    expect(JSON.parse((await run(['--db', db, 'case', 'list', '--json'])).stdout).total).toBe(0);
  });
});

describe('refund-console case decide --override', () => {
  // A SaaS order paid long ago: the rules refuse it.
  const refused = JSON.stringify({
    ...sample,
    facts: {
      ...sample.facts,
      paidAt: '2026-01-01T10:00:00+08:00',
      orderAmount: 99_000,
      voucherAmount: 1_000,
      currency: 'USD',
    },
  });
  const reason = ['--reason', 'the provider confirmed the outage by phone'];

  it('records the outcome and amount given, refuses more than the cash paid, and case show says so', async () => {
    await run(['--db', db, '--new-store', 'case', 'add', 'c.json'], { 'c.json': refused });
    const above = await run([
      '--db',
      db,
      'case',
      'decide',
      'RC-000001',
      '--override',
      'eligible',
      '--amount',
      '980.01',
      ...reason,
    ]);
    expect(above).toMatchObject({ code: 2 });
    expect(above.stderr).toMatch(/at most the cash paid \(USD 980\.00\)/);
    expect((await run(['--db', db, 'case', 'decide', 'RC-000001', '--override', 'eligible'])).stderr).toMatch(
      /--override needs --reason/,
    );
    const decided = await run([
      '--db',
      db,
      'case',
      'decide',
      'RC-000001',
      '--override',
      'eligible',
      '--amount',
      '500.00',
      ...reason,
    ]);
    expect(decided.code).toBe(0);
    expect(JSON.parse(decided.stdout)).toMatchObject({
      recordedOutcome: 'eligible',
      override: { amount: 50_000 },
      decision: { outcome: 'ineligible' },
    });
    const shown = (await run(['--db', db, 'case', 'show', 'RC-000001'])).stdout;
    expect(shown).toMatch(/policy v1 revision v1\.1/);
    expect(shown).toMatch(/refund +USD 500\.00/);
    expect(shown).toMatch(/rules gave +ineligible, USD 0\.00/);
    expect(shown).not.toMatch(/stale/);
  });

  it('says stale, in text and JSON, once a fact the decision read has changed', async () => {
    await run(['--db', db, '--new-store', 'case', 'add', 'c.json'], { 'c.json': refused });
    await run(['--db', db, 'case', 'decide', 'RC-000001', '--override', 'conditional', ...reason]);
    // Through the CLI, as an agent edits a fact: a hand edit of the row is caught as tampering.
    const edited = await run([
      '--db',
      db,
      'case',
      'edit',
      'RC-000001',
      '--fact',
      'orderAmount=800.00',
      '--agent',
      'Mei',
    ]);
    expect(edited.code).toBe(0);
    const json = JSON.parse((await run(['--db', db, 'case', 'show', 'RC-000001', '--json'])).stdout);
    expect(json.decisionOfRecord).toMatchObject({
      outcome: 'conditional',
      refundAmount: 98_000,
      stale: true,
    });
    expect((await run(['--db', db, 'case', 'show', 'RC-000001'])).stdout).toMatch(
      /stale +a fact has changed/,
    );
  });
});

describe('refund-console case show and list, as text', () => {
  // A name that, printed raw, returns to the start of the line, erases it and writes a fake
  // row, then reverses what follows.
  const hostileName = 'Li Wei\r\u001b[2KRC-000001  decided  eligible \u202eelbigile';
  const hostile = JSON.stringify({ ...sample, customer: { ...sample.customer, name: hostileName } });

  it('prints the fields, facts, decisions and notes that its help promises', async () => {
    await run(['--db', db, 'case', 'add', 'c.json'], { 'c.json': newCase });
    await run(['--db', db, 'case', 'decide', 'RC-000001', '--agent', 'ann', '--note', 'called the customer']);
    const store = openStore({ file: db });
    addNote(store, 'RC-000001', 'bo', 'customer sent the invoice');
    store.close();

    const { code, stdout } = await run(['--db', db, 'case', 'show', 'RC-000001']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^RC-000001 {2}decided\n/);
    for (const line of [
      /\n {2}customer +Li Wei\n/,
      /\n {2}account +acc-1001\n/,
      /\n {2}order +O-2026-0001\n/,
      /\n {2}product +SiteBuilder Pro\n/,
      /\n {2}provider +Acme Cloud\n/,
      /\nFacts\n {2}productType +saas\n/,
      /\n {2}orderAmount +19900\n/,
      /\nDecisions \(1\)\n {2}#1 \S+Z by ann, policy v1 revision v1\.1\n/,
      /\n {4}outcome +eligible\n/,
      /\n {4}refund +CNY 199\.00\n/,
      /\n {4}clauses +saas\.[a-z-]+/,
      /\n {4}note +called the customer\n/,
      /\nNotes \(1\)\n {2}\S+Z bo: customer sent the invoice\n$/,
    ])
      expect(stdout).toMatch(line);
  });

  it('shows control characters in case fields escaped, in text and in JSON', async () => {
    await run(['--db', db, 'case', 'add', 'c.json'], { 'c.json': hostile });
    await run(['--db', db, 'case', 'decide', 'RC-000001', '--agent', 'ann\u001b[31m', '--note', 'ok\rFAKE']);
    const shown = (await run(['--db', db, 'case', 'show', 'RC-000001'])).stdout;
    const listed = (await run(['--db', db, 'case', 'list'])).stdout;
    const escaped = 'Li Wei\\r\\x1b[2KRC-000001  decided  eligible \\u202eelbigile';
    expect(shown.split('\n')).toContain(`  customer       ${escaped}`);
    expect(shown).toContain('by ann\\x1b[31m, policy');
    expect(shown).toMatch(/ note +ok\\rFAKE\n/);
    expect(listed).toContain(escaped);
    for (const text of [shown, listed]) {
      expect(['\r', '\u001b', '\u202e'].filter((raw) => text.includes(raw))).toEqual([]);
      expect(text.split('\n').filter((row) => row.startsWith('RC-000001'))).toHaveLength(1);
    }
    const json = (await run(['--db', db, 'case', 'show', 'RC-000001', '--json'])).stdout;
    expect(['\r', '\u001b', '\u202e'].filter((raw) => json.includes(raw))).toEqual([]);
    expect(JSON.parse(json).customer.name).toBe(hostileName);
  });
});

describe('refund-console verify-audit, backup, restore', () => {
  it('verifies the chain and names a tampered row with exit 1', async () => {
    await run(['--db', db, 'case', 'add', 'c.json'], { 'c.json': newCase });
    expect(await run(['--db', db, 'verify-audit'])).toEqual({ code: 0, stdout: 'ok 1 rows\n', stderr: '' });
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    raw.exec("DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE seq = 1");
    raw.close();
    const tampered = await run(['--db', db, 'verify-audit']);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/audit row 1 does not match/);
  });

  it('backs up to a folder and restores from it', async () => {
    await run(['--db', db, 'case', 'add', 'c.json'], { 'c.json': newCase });
    const backup = await run(['--db', db, 'backup', '--to', join(temp.dir, 'usb')]);
    expect(backup.code).toBe(0);
    const file = backup.stdout.trim();
    expect(existsSync(file)).toBe(true);
    await run(['--db', db, 'case', 'add', 'c.json'], { 'c.json': newCase });
    const restored = await run(['--db', db, 'restore', file]);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(temp.dir).some((name) => name.endsWith('.before-restore'))).toBe(true);
    expect(JSON.parse((await run(['--db', db, 'case', 'list', '--json'])).stdout).total).toBe(1);

    writeFileSync(join(temp.dir, 'junk.sqlite'), 'junk');
    expect(await run(['--db', db, 'restore', join(temp.dir, 'junk.sqlite')])).toMatchObject({ code: 2 });
    expect((await run(['--db', db, 'restore'])).code).toBe(2);
  });

  it('refuses a store gone missing beside its backups (exit 3), and starts a new one with --new-store', async () => {
    await run(['--db', db, 'case', 'add', 'c.json'], { 'c.json': newCase });
    const backup = (await run(['--db', db, 'backup'])).stdout.trim();
    rmSync(db);
    const refused = await run(['--db', db, 'case', 'list']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`is missing, but backups or audit anchors of it exist`);
    expect(refused.stderr).toContain(`restore ${backup}`);
    expect(existsSync(db)).toBe(false);
    expect(
      await run(['--db', db, '--new-store', 'case', 'add', 'c.json'], { 'c.json': newCase }),
    ).toMatchObject({
      code: 0,
      stdout: 'RC-000001\n',
    });
    expect((await run(['--new-store', 'decide', 'c.json'], { 'c.json': newCase })).code).toBe(2);
  });

  it('names the process that holds the store (exit 3)', async () => {
    const holder = openStore({ file: db, autoBackup: false });
    onTestFinished(() => holder.close());
    const refused = await run(['--db', db, 'case', 'list']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(new RegExp(`is in use by process ${process.pid}`));
  });

  it('runs as a real process through bin/refund-console.js with REFUND_CONSOLE_DB', () => {
    const input = join(temp.dir, 'case.json');
    writeFileSync(input, newCase);
    const built = buildCli();
    onTestFinished(built.cleanup);
    const cli = (...args: string[]) => built.run(args, { env: { ...process.env, REFUND_CONSOLE_DB: db } });
    const added = cli('case', 'add', input);
    expect(added.stderr).toBe('');
    expect(added).toMatchObject({ status: 0, stdout: 'RC-000001\n' });
    expect(cli('verify-audit')).toMatchObject({ status: 0, stdout: 'ok 1 rows\n' });
    expect(existsSync(db)).toBe(true);
  }, 30_000);

  it('attributes a case it adds to --agent, else to the cli, never to "unknown"', async () => {
    await run(['--db', db, '--new-store', 'case', 'add', 'c.json'], { 'c.json': newCase });
    const other = JSON.stringify({ ...JSON.parse(newCase), orderId: 'O-other' });
    await run(['--db', db, 'case', 'add', 'c.json', '--agent', 'Mei Lin'], { 'c.json': other });
    const store = openStore({ file: db });
    onTestFinished(() => store.close());
    const opener = (ref: string) =>
      listAudit(store, ref).find((entry) => entry.action === 'case.create')?.actor;
    expect(opener('RC-000001')).toBe('cli');
    expect(opener('RC-000002')).toBe('Mei Lin');
  });
});
