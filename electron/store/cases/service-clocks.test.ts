import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProductType } from '../../../shared/model/facts';
import {
  DEFAULT_SERVICE_TARGETS,
  nextDue,
  serviceStateOf,
  type ServiceTargets,
} from '../../../shared/model/service-targets';
import { sampleCase, tempStore } from '../test-support/temp-store';
import { createCase, getSettings, listCases, markReplySent, setSettings, setStatus } from '..';

/** What a reply told the customer; the clocks read only when it was marked sent. */
const TOLD = { outcome: 'eligible', amount: null, currency: 'CNY', deadline: null } as const;

let env: ReturnType<typeof tempStore>;
beforeEach(() => (env = tempStore()));
afterEach(() => env.cleanup());

describe('what the service clocks count from', () => {
  it('a queue row carries the request time and the first reply marked sent', () => {
    const facts = { ...sampleCase().facts, requestedAt: '2026-03-06T09:30:00+08:00' };
    createCase(env.store, sampleCase({ facts }), 'ann');
    const row = () => listCases(env.store, { sort: 'deadline', limit: 10 }).items[0]!;
    expect(row()).toMatchObject({ requestedAt: '2026-03-06T09:30:00+08:00', firstReplyAt: null });
    markReplySent(env.store, {
      ref: 'RC-000001',
      language: 'en',
      told: TOLD,
      body: 'Hi',
      agent: 'ann',
    });
    const first = row().firstReplyAt;
    expect(first).not.toBeNull();
    markReplySent(env.store, {
      ref: 'RC-000001',
      language: 'en',
      told: TOLD,
      body: 'Again',
      agent: 'ann',
    });
    expect(row().firstReplyAt).toBe(first);
  });

  it('keeps the targets per kind in the settings, the defaults until set', () => {
    expect(getSettings(env.store).serviceTargets).toEqual(DEFAULT_SERVICE_TARGETS);
    const serviceTargets = { ...DEFAULT_SERVICE_TARGETS, api: { firstResponse: 60, resolution: 600 } };
    setSettings(env.store, { serviceTargets });
    expect(getSettings(env.store).serviceTargets).toEqual(serviceTargets);
  });

  it('sorts the queue by the next clock due, as shared nextDue reads each row, none running last', () => {
    const targets: ServiceTargets = {
      ...DEFAULT_SERVICE_TARGETS,
      saas: { firstResponse: 60, resolution: 600 },
      api: { firstResponse: 30, resolution: 100 },
    };
    setSettings(env.store, { serviceTargets: targets });
    const open = (productType: ProductType, requestedAt?: string) =>
      createCase(
        env.store,
        sampleCase({ facts: { ...sampleCase().facts, productType, ...(requestedAt && { requestedAt }) } }),
        'ann',
      ).detail.summary;
    open('saas', '2026-03-06T09:00:00+08:00'); // first reply due 10:00
    open('api', '2026-03-06T09:45:00+08:00'); // first reply due 10:15
    open('saas'); // no request time: no clock
    const replied = open('saas', '2026-03-06T08:00:00+08:00'); // replied: resolution due 18:00
    open('api', '2026-03-06T08:00:00+08:00'); // first reply due 08:30
    const settled = open('saas', '2026-03-05T08:00:00+08:00');
    markReplySent(env.store, {
      ref: replied.ref,
      language: 'en',
      told: TOLD,
      body: 'Hi',
      agent: 'ann',
    });
    setStatus(env.store, settled.ref, 'closed', 'ann', undefined, 'done');

    const refs: string[] = [];
    let after: string | undefined;
    do {
      const page = listCases(env.store, { sort: 'breach', limit: 2, ...(after && { after }) });
      refs.push(...page.items.map((item) => item.ref));
      for (const item of page.items) {
        const due = nextDue(serviceStateOf(item), targets);
        expect(due === null ? null : due.dueAt).toBe(dueOf(item.ref));
      }
      after = page.next ?? undefined;
    } while (after !== undefined);
    expect(refs.slice(0, 4)).toEqual(['RC-000005', 'RC-000001', 'RC-000002', 'RC-000004']);
    expect(refs.slice(4).sort()).toEqual(['RC-000003', 'RC-000006']);
  });
});

const DUE: Record<string, string | null> = {
  'RC-000001': '2026-03-06T10:00:00+08:00',
  'RC-000002': '2026-03-06T10:15:00+08:00',
  'RC-000003': null,
  'RC-000004': '2026-03-06T18:00:00+08:00',
  'RC-000005': '2026-03-06T08:30:00+08:00',
  'RC-000006': null,
};
const dueOf = (ref: string) => (DUE[ref] == null ? null : Date.parse(DUE[ref]!));
