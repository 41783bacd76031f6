import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io';
import { CONTRACT_EXAMPLE } from '../../shared/policy/rtc-usage/testing';
import { main } from '../refund-console';

const { input: validInput, breakdown: expectedBreakdown } = CONTRACT_EXAMPLE;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'explain-usage-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content, 'utf8');
  return path;
}

/** Reads real files; "-" reads the given standard input. Captures what the command prints. */
async function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readInput: (pathOrDash) => (pathOrDash === '-' ? Promise.resolve(stdin) : readFile(pathOrDash, 'utf8')),
    readBytes: () => Promise.reject(new Error('not read as bytes here')),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  };
  const code = await main(['explain-usage', ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('refund-console explain-usage', () => {
  it('prints the breakdown as JSON with a 2-space indent and a final newline', async () => {
    const path = await fileWith('valid.json', JSON.stringify(validInput));
    const result = await run([path]);
    expect(result).toEqual({
      code: 0,
      stdout: `${JSON.stringify(expectedBreakdown, null, 2)}\n`,
      stderr: '',
    });
  });

  it('reads standard input for "-"', async () => {
    const result = await run(['-'], JSON.stringify(validInput));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(expectedBreakdown);
  });

  it('prints text with --explain, in Chinese with --lang zh', async () => {
    const path = await fileWith('text.json', JSON.stringify(validInput));
    const english = await run([path, '--explain']);
    expect(english.code).toBe(0);
    expect(english.stdout).toContain(
      '  U1: 30 package minutes at factor 1; taken from P1 (30); settled on 2026-03-02\n',
    );
    const chinese = await run(['--explain', '--lang', 'zh', path]);
    expect(chinese.code).toBe(0);
    expect(chinese.stdout).toContain('  P1：已用 30，剩余 970\n');
    expect((await run([path, '--explain', '--lang=zh'])).stdout).toBe(chinese.stdout);
  });

  it('exits 2 naming the field when a record is invalid, printing nothing on stdout', async () => {
    const usage = [0, 1, 2].map((index) => ({ ...validInput.usage[0], id: `U${index}` }));
    const invalid = {
      ...validInput,
      usage: usage.map((record, index) => (index === 2 ? { ...record, minutes: -1 } : record)),
    };
    const path = await fileWith('negative.json', JSON.stringify(invalid));
    expect(await run([path])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'refund-console explain-usage: usage[2].minutes: must be a non-negative number\n',
    });
  });

  it.each([
    [
      'a file that is not JSON',
      async () => [await fileWith('broken.json', '{ "packages": [')],
      /is not valid JSON/,
    ],
    ['a missing file', async () => [join(dir, 'absent.json')], /cannot read .*absent\.json/],
    ['no file argument', async () => ['--explain'], /missing FILE\|-/],
    ['two file arguments', async () => ['a.json', 'b.json'], /unexpected argument "b\.json"/],
    ['an unknown option', async () => ['-', '--verbose'], /unknown option --verbose/],
    ['an unknown language', async () => ['-', '--lang', 'fr'], /--lang must be en or zh/],
  ])('exits 2 for %s', async (_what, argsOf, message) => {
    const result = await run(await argsOf(), JSON.stringify(validInput));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

describe('refund-console explain-usage --policy', () => {
  it('splits a call past midnight under v1.1 (the default) and not under v1', async () => {
    const path = await fileWith(
      'midnight.json',
      JSON.stringify({
        packages: [],
        usage: [{ id: 'U1', startedAt: '2026-03-01T23:50:00+08:00', minutes: 20, type: 'audio' }],
      }),
    );
    const daysUnder = async (...flags: string[]) =>
      JSON.parse((await run([path, ...flags])).stdout).usage[0].days.map((day: { day: string }) => day.day);
    expect(await daysUnder()).toEqual(['2026-03-01', '2026-03-02']);
    expect(await daysUnder('--policy', 'v1.1')).toEqual(['2026-03-01', '2026-03-02']);
    expect(await daysUnder('--policy', 'v1')).toEqual(['2026-03-01']);
    expect((await run([path, '--policy', 'v0'])).code).toBe(2);
  });
});
