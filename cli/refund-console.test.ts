import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { damagedStoreFile } from '../electron/store/test-support/temp-store';
import { isGroup, type Command } from './command';
import { COMMANDS } from './commands';
import { optionsOf } from './parse';
import { main } from './refund-console';
import { memoryIo } from './test-support/memory-io';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-main-'));
  db = join(dir, 'cases.sqlite');
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** Every command line there is: `decide`, `case add`, `case show` …, with its command. */
async function everyCommand(): Promise<[string, Command][]> {
  const all: [string, Command][] = [];
  for (const entry of COMMANDS) {
    const loaded = (await entry.load()).default;
    if (isGroup(loaded))
      for (const [name, sub] of Object.entries(loaded.subcommands)) all.push([`${entry.name} ${name}`, sub]);
    else all.push([entry.name, loaded]);
  }
  return all;
}

const commands = await everyCommand();

async function run(argv: string[], stdin = '') {
  const io = memoryIo(stdin);
  const code = await main(argv, io);
  return { code, stdout: io.out, stderr: io.err };
}

describe('--help', () => {
  it('lists every command, with the store and the exit codes', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const { code, stdout, stderr } = await run(argv);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const lines = stdout.split('\n');
      for (const { name, summary } of COMMANDS)
        expect(lines.some((line) => line.startsWith(`  ${name} `) && line.endsWith(`  ${summary}`))).toBe(
          true,
        );
      expect(stdout).toContain('3 the case store cannot be used');
    }
  });

  it.each(commands)('refund-console %s --help lists its usage and every option', async (label, command) => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await run([...label.split(' '), flag]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(new RegExp(`^Usage: refund-console ${label}\\b`));
      expect(stdout).toContain(command.summary);
      for (const name of Object.keys(optionsOf(command))) expect(stdout).toContain(`--${name}`);
      expect(stdout.includes('--db PATH')).toBe(command.usesStore);
    }
    expect(existsSync(db)).toBe(false);
  });

  it('case --help lists the subcommands instead of calling --help an unknown option', async () => {
    const { code, stdout } = await run(['case', '--help']);
    expect(code).toBe(0);
    for (const name of ['add', 'decide', 'show', 'list'])
      expect(stdout).toMatch(new RegExp(`\\n  ${name} +`));
  });
});

describe('strict arguments', () => {
  it.each(commands)(
    'refund-console %s refuses an unknown option with exit 2 and touches nothing',
    async (label) => {
      const { code, stdout, stderr } = await run(['--db', db, ...label.split(' '), '-', '--bogus']);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toBe(
        `refund-console ${label}: unknown option --bogus (see refund-console ${label} --help)\n`,
      );
      expect(existsSync(db)).toBe(false);
    },
  );

  it('refuses an option that is not in the command, even one other commands take', async () => {
    // replay takes --since; decide does not.
    expect((await run(['decide', '-', '--since', '2026-01-01T00:00:00Z'], '{}')).stderr).toMatch(
      /unknown option --since/,
    );
    expect((await run(['case', 'add', '-', '--json', '--db', db], '{}')).stderr).toMatch(
      /unknown option --json/,
    );
    expect((await run(['decide', '-', '--explain=yes'], '{}')).stderr).toMatch(/--explain takes no value/);
    expect((await run(['case', 'list', '--limit'])).stderr).toMatch(/--limit needs a value/);
  });

  it('takes --db before or after the command, but not twice and not where no store is used', async () => {
    expect((await run(['case', 'list', '--db', db])).code).toBe(0);
    expect((await run([`--db=${db}`, 'case', 'list'])).code).toBe(0);
    expect(await run(['--db', db, 'case', 'list', '--db', db])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--db is given twice/),
    });
    expect(await run(['--db', db, 'decide', '-'], '{}')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^refund-console decide: --db does not apply/),
    });
  });

  it('names a missing or unknown command or subcommand in one line, exit 2', async () => {
    const cases: [string[], string][] = [
      [
        [],
        'refund-console: missing command: decide, explain-usage, extract, case, replay, verify-audit, backup, restore, import, export, server, sync, team, approvals or report',
      ],
      [['frobnicate'], 'refund-console: unknown command "frobnicate"'],
      [['--verbose', 'decide'], 'refund-console: unknown option --verbose'],
      [
        ['case'],
        'refund-console case: missing subcommand: add, decide, show, list, assign, unassign, claim-next, close, reopen, edit or history',
      ],
      [['case', 'resolve'], 'refund-console case: unknown subcommand "resolve"'],
      [['case', 'show'], 'refund-console case show: missing REF'],
      [['case', 'list', 'extra'], 'refund-console case list: unexpected argument "extra"'],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await run(argv);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr.startsWith(message)).toBe(true);
      expect(stderr.split('\n')).toHaveLength(2);
    }
  });
});

describe('exit codes', () => {
  it('is 3, naming the backup to restore, for a damaged store, and restore still opens it', async () => {
    const file = await damagedStoreFile(dir);
    for (const argv of [['case', 'list'], ['case', 'add', '-'], ['verify-audit'], ['backup']]) {
      const { code, stdout, stderr } = await run(['--db', file, ...argv], '{}');
      expect({ code, stdout }).toEqual({ code: 3, stdout: '' });
      expect(stderr).toMatch(
        /^refund-console [a-z -]+: The case store .* is damaged .*refund-console restore \S+\n$/,
      );
    }
    const backup = /refund-console restore (\S+)\n$/.exec(
      (await run(['--db', file, 'case', 'list'])).stderr,
    )![1]!;
    expect((await run(['--db', file, 'restore', backup])).code).toBe(0);
    expect(JSON.parse((await run(['--db', file, 'case', 'list', '--json'])).stdout).total).toBe(300);
  });

  it('is 3 for a store written by a newer version, and for one that cannot be read', async () => {
    expect((await run(['--db', db, 'case', 'list'])).code).toBe(0);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    raw.pragma('user_version = 9999');
    raw.close();
    expect(await run(['--db', db, 'case', 'list'])).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/^refund-console case list: The case store .* has schema version 9999/),
    });
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(await run(['--db', folder, 'verify-audit'])).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/^refund-console verify-audit: .*a-folder/),
    });
  });

  it('is 2 for bad input and for a case that does not exist', async () => {
    expect((await run(['decide', '-'], '{not json')).code).toBe(2);
    expect((await run(['case', 'show', 'RC-000042', '--db', db])).code).toBe(2);
  });

  it('is 70 for an internal error: one line, the stack only with REFUND_CONSOLE_DEBUG=1', async () => {
    const failing = () => {
      const io = memoryIo('{"productType":"api"}');
      io.stdout = () => {
        throw new TypeError('the terminal went away');
      };
      return io;
    };
    const quiet = failing();
    expect(await main(['decide', '-'], quiet)).toBe(70);
    expect(quiet.err).toBe(
      'refund-console decide: internal error: the terminal went away (REFUND_CONSOLE_DEBUG=1 shows where)\n',
    );
    vi.stubEnv('REFUND_CONSOLE_DEBUG', '1');
    const debug = failing();
    expect(await main(['decide', '-'], debug)).toBe(70);
    expect(debug.err).toMatch(
      /^refund-console decide: internal error: the terminal went away\nTypeError: .*\n\s+at /,
    );
  });

  it('bin/refund-console.js without a build says how to build, without a stack', () => {
    mkdirSync(join(dir, 'bin'));
    copyFileSync('bin/refund-console.js', join(dir, 'bin', 'refund-console.js'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const result = spawnSync(process.execPath, [join(dir, 'bin', 'refund-console.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(result).toMatchObject({
      status: 70,
      stdout: '',
      stderr:
        'refund-console: the CLI is not built; run `npm run build:cli` (or `npm ci`) in the repository\n',
    });
  });
});
