import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/ipc/contract';
import { decide } from '../../shared/policy';
import { openStore, type CaseStore } from '../store';
import { manualClock, sampleCase, tempDir } from '../store/test-support/temp-store';
import { createHandlers, type Handlers } from './handlers';

const DAY = 86_400_000;

/**
 * What one agent loaded, another may have changed since: a second window on the same host, or
 * a CLI run while the app was closed in between. One process owns the file at a time (its
 * lock), so two handler tables over the one open store stand for the two clients.
 */
let temp: ReturnType<typeof tempDir>;
let clock: ReturnType<typeof manualClock>;
let store: CaseStore;
let app: Handlers;
let cli: Handlers;
beforeEach(() => {
  temp = tempDir();
  clock = manualClock();
  store = openStore({ file: join(temp.dir, 'cases.sqlite'), now: clock.now, autoBackup: false });
  [app, cli] = [createHandlers(store), createHandlers(store)];
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

async function value<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${settled.error.code}: ${settled.error.message}`);
  return settled.value;
}

const conflict = (pattern: RegExp) => ({
  ok: false,
  error: { code: 'conflict', message: expect.stringMatching(pattern) },
});

async function loaded(handlers: Handlers, ref = 'RC-000001') {
  const detail = await value(handlers['cases.get']({ ref }));
  const { outcome, refundAmount } = decide(detail.facts, { now: clock.now() });
  /** What a write made on this load carries. */
  const saw = { revision: detail.summary.revision, seen: { outcome, refundAmount } };
  return { detail, ...saw, saw };
}

describe('a write on a case another connection changed since it was loaded', () => {
  beforeEach(async () => void (await value(app['cases.create'](sampleCase()))));

  it('is refused for facts, status and decisions, and the store keeps the other change', async () => {
    const agent = await loaded(app);
    await value(
      cli['cases.updateFacts']({
        ref: 'RC-000001',
        revision: agent.revision,
        facts: { ...agent.detail.facts, invoiceIssued: true },
        agent: 'cli',
      }),
    );
    const stale = /RC-000001 changed since it was loaded \(revision 1, now 2\)/;
    expect(
      await app['cases.updateFacts']({
        ref: 'RC-000001',
        revision: agent.revision,
        facts: { ...agent.detail.facts, orderAmount: 1 },
        agent: 'Mei Lin',
      }),
    ).toEqual(conflict(stale));
    expect(
      await app['cases.setStatus']({
        ref: 'RC-000001',
        revision: agent.revision,
        status: 'closed',
        agent: 'Mei Lin',
      }),
    ).toEqual(conflict(stale));
    expect(
      await app['decisions.record']({
        ref: 'RC-000001',
        agent: 'Mei Lin',
        revision: agent.revision,
        seen: agent.seen,
      }),
    ).toEqual(conflict(stale));

    const now = await loaded(cli);
    expect(now.detail.facts).toMatchObject({ invoiceIssued: true, orderAmount: 19900 });
    expect(now.detail.summary.status).toBe('open');
    expect(now.detail.decisions).toEqual([]);
    const actions = (await value(cli['audit.list']({ ref: 'RC-000001' }))).items.map((row) => row.action);
    expect(actions).toEqual(['case.create', 'case.facts']);

    // Reloaded, the same write goes through.
    const again = await loaded(app);
    const recorded = await value(
      app['decisions.record']({ ref: 'RC-000001', agent: 'Mei Lin', ...again.saw }),
    );
    expect(recorded.detail.summary.revision).toBe(3);
  });

  it('counts notes as changes: a decision made before another agent’s note is refused', async () => {
    const agent = await loaded(app);
    await value(
      cli['notes.add']({ ref: 'RC-000001', author: 'Zhang Wei', body: 'customer withdrew the request' }),
    );
    expect(
      await app['decisions.record']({
        ref: 'RC-000001',
        agent: 'Mei Lin',
        revision: agent.revision,
        seen: agent.seen,
      }),
    ).toEqual(conflict(/changed since it was loaded/));
  });
});

describe('a decision other than the one the agent saw', () => {
  beforeEach(async () => void (await value(app['cases.create'](sampleCase()))));

  it('is refused, saying what the rules give now, when the window closed after the panel was drawn', async () => {
    const agent = await loaded(app);
    expect(agent.seen).toEqual({ outcome: 'eligible', refundAmount: 19900 });
    clock.advance(10 * DAY);
    expect(
      await app['decisions.record']({
        ref: 'RC-000001',
        agent: 'Mei Lin',
        revision: agent.revision,
        seen: agent.seen,
      }),
    ).toEqual(
      conflict(
        /^RC-000001: at 2026-03-12 10:00 UTC\+08:00 the rules give ineligible, CNY 0\.00, not the eligible, CNY 199\.00 shown; the refund window closes at 2026-03-06 10:00 UTC\+08:00\. Nothing was recorded/,
      ),
    );
    expect((await loaded(cli)).detail.decisions).toEqual([]);
  });

  it('is refused when only the amount differs', async () => {
    const agent = await loaded(app);
    const seen = { ...agent.seen, refundAmount: 10000 };
    expect(
      await app['decisions.record']({ ref: 'RC-000001', agent: 'Mei Lin', revision: agent.revision, seen }),
    ).toEqual(conflict(/the rules give eligible, CNY 199\.00, not the eligible, CNY 100\.00 shown/));
  });

  it('is not needed for the outcome an override records: the agent saw the rules’ own', async () => {
    const agent = await loaded(app);
    const recorded = await value(
      app['decisions.record']({
        ref: 'RC-000001',
        agent: 'Mei Lin',
        ...agent.saw,
        override: { outcome: 'ineligible', justification: 'provider reports the account was abused' },
      }),
    );
    expect(recorded.detail.decisions.at(-1)).toMatchObject({ recordedOutcome: 'ineligible' });
  });
});
