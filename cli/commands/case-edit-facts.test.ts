import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, openStore } from '../../electron/store';
import { sampleCase } from '../../electron/store/test-support/temp-store';
import { buildCli, type BuiltCli } from '../test-support/built-cli';

let dir: string;
let db: string;
let built: BuiltCli;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-cli-facts-'));
  db = join(dir, 'cases.sqlite');
  built = buildCli();
  const sample = sampleCase();
  const caseFile = join(dir, 'case.json');
  writeFileSync(
    caseFile,
    JSON.stringify({ ...sample, facts: { ...sample.facts, requestedAt: '2026-03-02T09:00:00+08:00' } }),
  );
  expect(cli('--new-store', 'case', 'add', caseFile)).toMatchObject({ status: 0, stdout: 'RC-000001\n' });
}, 60_000);
afterAll(() => {
  built?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => built.run(['--db', db, ...args]);
const shown = () => JSON.parse(cli('case', 'show', 'RC-000001', '--json').stdout);

/** The audit rows of the case's fact changes, as the store keeps them. */
function factAudit() {
  const store = openStore({ file: db, autoBackup: false });
  try {
    return listAudit(store, 'RC-000001').filter((entry) => entry.action === 'case.facts');
  } finally {
    store.close();
  }
}

describe('refund-console case edit --fact', () => {
  it('sets facts read by their kind, on the revision read, with the old values in the audit trail', () => {
    const before = shown();
    expect(before.facts.orderAmount).toBe(19900);
    const edited = cli(
      'case',
      'edit',
      'RC-000001',
      '--agent',
      'Mei Lin',
      '--fact',
      'orderAmount=1,250.50',
      '--fact',
      'invoiceIssued=yes',
      '--fact',
      'paidAt=2026-03-01 11:00+08:00',
    );
    expect(edited.stderr).toBe('');
    expect(edited).toMatchObject({
      status: 0,
      stdout: `RC-000001 revision ${before.summary.revision + 1}\n`,
    });
    const after = shown();
    expect(after.facts).toMatchObject({ orderAmount: 125050, invoiceIssued: true });
    expect(Date.parse(after.facts.paidAt)).toBe(Date.parse('2026-03-01T11:00:00+08:00'));
    const [change] = factAudit();
    expect(change!.actor).toBe('Mei Lin');
    expect(JSON.stringify(change!.detail)).toContain('19900');
    expect(JSON.stringify(change!.detail)).toContain('125050');
  }, 30_000);

  it('reads an amount in the currency set beside it', () => {
    expect(
      cli('case', 'edit', 'RC-000001', '--fact', 'currency=usd', '--fact', 'voucherAmount=5.25').status,
    ).toBe(0);
    expect(shown().facts).toMatchObject({ currency: 'USD', voucherAmount: 525 });
  }, 30_000);

  it('refuses an unknown fact, a value of the wrong kind and an implausible value, and changes nothing', () => {
    const before = shown();
    const audited = factAudit().length;
    const refusals: Array<[string, RegExp]> = [
      ['colour=red', /unknown fact "colour"; the facts are productType, currency, orderAmount/],
      ['orderAmount', /--fact "orderAmount" is not NAME=VALUE/],
      ['invoiceIssued=maybe', /invoiceIssued: "maybe" is not yes or no/],
      ['serviceStatus=done', /serviceStatus: "done" is not one of in_progress, completed/],
      ['orderAmount=12.345', /orderAmount: "12.345" is not an amount in USD/],
      ['paidAt=2026-03-01T10:00', /paidAt: "2026-03-01T10:00" has no UTC offset/],
      ['paidAt=0001-01-01T00:00+08:00', /paidAt: must be between 2000-01-01 and 2100-01-01/],
      ['orderAmount=90,000,000,000,000.00', /orderAmount: is too large for an order/],
      ['consumedMinutes=-3', /consumedMinutes: "-3" is not a number of minutes/],
    ];
    for (const [assignment, message] of refusals) {
      const refused = cli('case', 'edit', 'RC-000001', '--customer', 'Someone Else', '--fact', assignment);
      expect(refused.status, assignment).toBe(2);
      expect(refused.stderr, assignment).toMatch(message);
    }
    // Not even the case field given beside a refused fact was written.
    expect(shown()).toEqual(before);
    expect(factAudit()).toHaveLength(audited);
  }, 60_000);
});
