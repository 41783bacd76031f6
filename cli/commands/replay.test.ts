import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase, recordDecision, updateFacts } from '../../electron/store';
import { recordAsFirstReading } from '../../electron/store/test-support/first-reading';
import { sampleCase, tempStore } from '../../electron/store/test-support/temp-store';
import { RULE_BOOK } from '../../shared/policy';
import { main } from '../refund-console';
import { memoryIo } from '../test-support/memory-io';

// A lapsed service item six weeks after payment: refunded in full under v1, refused under v1.1.
const lapsed = {
  productType: 'service',
  serviceStatus: 'in_progress',
  paidAt: '2026-03-01T10:00:00+08:00',
  requestedAt: '2026-04-12T10:00:00+08:00',
  guaranteeEndsAt: '2026-12-31T00:00:00+08:00',
  orderAmount: 50000,
  exclusions: { scopeExceeded: false, itemLapsed: true, legalViolation: false },
} as const;
const plain = { productType: 'saas', paidAt: '2026-03-01T10:00:00+08:00', orderAmount: 100 } as const;

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
});
afterEach(() => env.cleanup());

const open = (facts: object) =>
  createCase(env.store, sampleCase({ facts: facts as never }), 'ann').detail.summary.ref;

/** A decision as an earlier release recorded it: first reading, no revision field. */
const recordedBefore = (ref: string, facts: object) =>
  recordAsFirstReading(env.store, ref, facts, Date.parse('2026-04-12T02:00:00Z'));

const replay = async (...args: string[]) => {
  env.store.close(); // the CLI opens the file itself
  const io = memoryIo();
  const code = await main(['--db', env.file, 'replay', ...args], io);
  return { code, out: io.out, err: io.err };
};

describe('refund-console replay', () => {
  it('lists the recorded decisions a revision would change, with before and after', async () => {
    const old = open(lapsed);
    recordedBefore(old, lapsed);
    recordDecision(env.store, { ref: open(plain), agent: 'ann' });
    const { code, out } = await replay('--policy', 'v1.1', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ policy: { version: 'v1', revision: 'v1.1' }, judged: 2, invalid: [] });
    expect(report.changed).toEqual([
      {
        ref: old,
        change: 'changed',
        before: {
          outcome: 'eligible',
          refundAmount: 50000,
          currency: 'CNY',
          clauses: ['service.in-progress'],
          policyVersion: 'v1',
          policyRevision: 'v1',
        },
        after: {
          outcome: 'ineligible',
          refundAmount: 0,
          currency: 'CNY',
          clauses: ['exclusion.item-lapsed', 'refund.contact-provider'],
          policyVersion: 'v1',
          policyRevision: 'v1.1',
        },
        cause: 'revision',
      },
    ]);
  });

  it('says when a fact changed since the decision, not that the revision judges it otherwise', async () => {
    const facts = { ...plain, orderAmount: 300_000, requestedAt: '2026-03-02T10:00:00+08:00' };
    const ref = open(facts);
    recordDecision(env.store, { ref, agent: 'ann' });
    updateFacts(env.store, ref, { ...sampleCase().facts, ...facts, orderAmount: 200_000 }, 'ann');
    const { out } = await replay('--policy', 'v1.1');
    expect(out).toContain(
      `  ${ref}  eligible CNY 3,000.00 [saas.guarantee-window] (v1/v1.1)\n      -> eligible CNY 2,000.00 [saas.guarantee-window] (v1/v1.1)\n` +
        '      facts changed since the decision\n',
    );
    expect(out).not.toContain('judges it otherwise');
    const report = JSON.parse((await replay('--policy', 'v1.1', '--json')).out);
    expect(report.changed).toMatchObject([{ ref, cause: 'facts' }]);
  });

  it('never rewrites a recorded decision', async () => {
    const ref = open(lapsed);
    recordedBefore(ref, lapsed);
    const before = env.store.sql('SELECT * FROM decisions').all();
    const { out } = await replay('--policy', 'v1.1');
    // Each change is written as it is found; the counts follow.
    expect(out).toMatch(
      new RegExp(
        `^Stored cases that v1/v1.1 would judge otherwise:\n  ${ref}  eligible CNY 500\\.00 .*\n` +
          '      -> ineligible CNY 0\\.00 \\[exclusion\\.item-lapsed, refund\\.contact-provider\\] \\(v1/v1\\.1\\)\n' +
          '      v1/v1\\.1 judges it otherwise\n' +
          'Judged 1 stored cases again under v1/v1\\.1; 1 would change\\.\n',
      ),
    );
    const reopened = tempStore({ file: env.file });
    expect(reopened.store.sql('SELECT * FROM decisions').all()).toEqual(before);
    reopened.cleanup();
  });

  it('compares an undecided case with what the rule book gives today, and filters by kind', async () => {
    const ref = open(lapsed);
    open(plain);
    const { out } = await replay('--policy', 'v1', '--kind', 'service', '--json');
    const report = JSON.parse(out);
    expect(report.judged).toBe(1);
    expect(
      report.changed.map((c: { ref: string; after: { outcome: string } }) => [c.ref, c.after.outcome]),
    ).toEqual([[ref, 'eligible']]);
  });

  it('filters by the last change and replays a draft file', async () => {
    const ref = open(plain); // requested at the store's clock, a day after payment
    const v1_1 = RULE_BOOK.revision('v1.1').data;
    const draft = { ...v1_1, revision: 'draft-saas-0d', windows: { ...v1_1.windows, saasGuaranteeDays: 0 } };
    const draftFile = join(env.dir, 'draft.json');
    writeFileSync(draftFile, JSON.stringify(draft));
    const all = JSON.parse((await replay('--policy', draftFile, '--json')).out);
    expect(all.changed).toMatchObject([
      {
        ref,
        before: { outcome: 'eligible' },
        after: { outcome: 'ineligible', policyRevision: 'draft-saas-0d' },
      },
    ]);
    const none = JSON.parse(
      (await replay('--policy', draftFile, '--until', '2026-03-02T02:00:00Z', '--json')).out,
    );
    expect(none.judged).toBe(0);
    const since = JSON.parse(
      (await replay('--policy', draftFile, '--since', '2026-03-02T02:00:00Z', '--json')).out,
    );
    expect(since.judged).toBe(1);
  });

  it('needs --policy and refuses unknown options with exit 2', async () => {
    expect((await replay()).err).toContain('--policy REV|FILE is required');
    expect((await replay('--policy', 'v1', '--kind', 'hardware')).code).toBe(2);
    expect((await replay('--policy', 'v1', '--since', 'yesterday')).err).toContain(
      '--since must be an ISO 8601',
    );
    expect((await replay('--policy', 'v1', '--force')).err).toContain('unknown option --force');
  });
});
