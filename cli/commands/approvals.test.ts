import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase, joinTeam, openStore, recordDecision, rememberTeamPolicy } from '../../electron/store';
import { sampleCase } from '../../electron/store/test-support/temp-store';
import { main } from '../refund-console';
import { memoryIo } from '../test-support/memory-io';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-cli-approvals-'));
  db = join(dir, 'cases.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(['--db', db, ...argv], io);
  return { code, stdout: io.out, stderr: io.err };
}

/** A team store whose last sync said it signs in as `role`, with two overrides waiting. */
function teamStore(role: 'agent' | 'lead') {
  const store = openStore({ file: db, autoBackup: false });
  joinTeam(store, 'mei');
  // Mei's login decided; the store then signs in as lin (the decisions came from mei's desktop).
  rememberTeamPolicy(store, { member: { name: 'mei', role: 'agent' }, thresholds: {} });
  for (const orderId of ['O-1', 'O-2']) {
    const { ref } = createCase(store, sampleCase({ orderId }), 'mei').detail.summary;
    recordDecision(store, {
      ref,
      agent: 'mei',
      override: { outcome: 'eligible', justification: 'the customer used the service for a month' },
    });
  }
  rememberTeamPolicy(store, { member: { name: 'lin', role }, thresholds: {} });
  store.close();
}

describe('refund-console approvals', () => {
  it('says a single desktop has nothing to approve', async () => {
    expect(await run('approvals', 'list')).toMatchObject({
      code: 0,
      stdout: 'This store is not in a team: its decisions count at once.\n',
    });
  });

  it('lists what waits, and lets a lead grant one and refuse the other with a reason', async () => {
    teamStore('lead');
    const listed = await run('approvals', 'list');
    expect(listed.stdout.split('\n').at(-2)).toBe('2 decisions');
    expect(listed.stdout.split('\n')[0]!.split('  ')).toEqual([
      'RC-000001',
      'mei',
      expect.stringMatching(/^2\d{3}-/),
      'ineligible -> eligible',
      'CNY 199.00',
      'override',
      'the customer used the service for a month',
    ]);
    expect(await run('approvals', 'grant', 'RC-000001', '--agent', 'lin')).toMatchObject({
      code: 0,
      stdout: 'RC-000001 granted: the case counts as eligible\n',
    });
    expect(await run('approvals', 'refuse', 'RC-000002', '--agent', 'lin')).toMatchObject({ code: 2 });
    expect(
      await run('approvals', 'refuse', 'RC-000002', '--agent', 'lin', '--reason', 'usage shows no use'),
    ).toMatchObject({ code: 0, stdout: 'RC-000002 refused: the case counts as undecided\n' });
    const answered = JSON.parse((await run('approvals', 'list', '--answered', '--json')).stdout);
    expect(
      answered.items.map((item: { ref: string; approval: { state: string } }) => [
        item.ref,
        item.approval.state,
      ]),
    ).toEqual([
      ['RC-000001', 'granted'],
      ['RC-000002', 'refused'],
    ]);
    expect((await run('approvals', 'list')).stdout).toBe('0 decisions\n');
    expect((await run('verify-audit')).code).toBe(0);
  });

  it('refuses an answer from an agent, and from the agent who decided', async () => {
    teamStore('agent');
    const agent = await run('approvals', 'grant', 'RC-000001', '--agent', 'lin');
    expect(agent.code).toBe(2);
    expect(agent.stderr).toMatch(/Only a lead answers an approval request/);
    const store = openStore({ file: db, autoBackup: false });
    rememberTeamPolicy(store, { member: { name: 'lin', role: 'lead' }, thresholds: {} });
    store.close();
    const own = await run('approvals', 'grant', 'RC-000001', '--agent', 'mei');
    expect(own.code).toBe(2);
    expect(own.stderr).toMatch(/mei made this decision; another lead answers it \(four eyes\)/);
  });
});
