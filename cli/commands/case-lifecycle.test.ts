import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleCase } from '../../electron/store/test-support/temp-store';
import { main } from '../refund-console';
import { memoryIo } from '../test-support/memory-io';

let dir: string;
let db: string;
let caseFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-cli-life-'));
  db = join(dir, 'cases.sqlite');
  caseFile = join(dir, 'case.json');
  const sample = sampleCase();
  writeFileSync(
    caseFile,
    JSON.stringify({ ...sample, facts: { ...sample.facts, requestedAt: '2026-03-02T09:00:00+08:00' } }),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(['--db', db, ...argv], io);
  return { code, stdout: io.out, stderr: io.err };
}

const auditOf = async (ref: string) => JSON.parse((await run('case', 'show', ref, '--json')).stdout);

describe('refund-console case lifecycle', () => {
  it('refuses a second case for an order unless --allow-duplicate', async () => {
    expect((await run('case', 'add', caseFile)).stdout).toBe('RC-000001\n');
    const refused = await run('case', 'add', caseFile);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toMatch(/order O-2026-0001 already has RC-000001; pass --allow-duplicate/);
    expect(await run('case', 'add', caseFile, '--allow-duplicate')).toMatchObject({
      code: 0,
      stdout: 'RC-000002\n',
    });
  });

  it('claims, assigns, closes and reopens, with exit codes for none left and a missing reason', async () => {
    await run('case', 'add', caseFile);
    expect(await run('case', 'claim-next', '--agent', 'Mei Lin')).toMatchObject({
      code: 0,
      stdout: 'RC-000001\n',
    });
    expect(await run('case', 'claim-next', '--agent', 'Bo')).toMatchObject({
      code: 1,
      stderr: 'refund-console case claim-next: no open unassigned case is left to claim\n',
    });
    expect((await run('case', 'assign', 'RC-000001', 'Bo', '--agent', 'lead')).stdout).toBe('RC-000001 Bo\n');
    expect((await auditOf('RC-000001')).summary.assignee).toBe('Bo');
    expect((await run('case', 'decide', 'RC-000001', '--agent', 'Bo')).code).toBe(0);
    expect((await run('case', 'close', 'RC-000001', '--agent', 'Bo')).stdout).toBe('RC-000001 closed\n');
    expect(await run('case', 'reopen', 'RC-000001')).toMatchObject({ code: 2 });
    expect((await run('case', 'reopen', 'RC-000001', '--reason', 'customer wrote again')).stdout).toBe(
      'RC-000001 open\n',
    );
    expect((await auditOf('RC-000001')).summary.status).toBe('open');
    expect((await run('case', 'unassign', 'RC-000001')).stdout).toBe('RC-000001 unassigned\n');
    expect((await run('case', 'assign', 'RC-000001')).code).toBe(2);
    expect((await run('case', 'close', 'RC-000001', '--resolved')).stderr).toMatch(
      /unknown option --resolved/,
    );
  });

  it('refuses a second refund of an order unless --duplicate-reason', async () => {
    await run('case', 'add', caseFile);
    await run('case', 'add', caseFile, '--allow-duplicate');
    expect((await run('case', 'decide', 'RC-000001')).code).toBe(0);
    const refused = await run('case', 'decide', 'RC-000002');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already has a refund recorded on RC-000001/);
    const allowed = await run('case', 'decide', 'RC-000002', '--duplicate-reason', 'two separate payments');
    expect(allowed.code).toBe(0);
  });

  it('edits case fields and lists the account history', async () => {
    await run('case', 'add', caseFile);
    await run('case', 'add', caseFile, '--allow-duplicate');
    expect(await run('case', 'edit', 'RC-000002', '--customer', 'Wang Fang', '--contact', '')).toMatchObject({
      code: 0,
      stdout: 'RC-000002 revision 2\n',
    });
    expect((await auditOf('RC-000002')).customer).toEqual({ name: 'Wang Fang', accountId: 'acc-1001' });
    expect((await run('case', 'edit', 'RC-000002')).code).toBe(2);
    const history = await run('case', 'history', 'RC-000002');
    expect(history.stdout).toMatch(/RC-000001\s+open/);
    expect(history.stdout).toMatch(/1 other cases\n$/);
  });
});
