import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_TARGETS } from '../../../shared/model/service-targets';
import { sampleCase, tempStore } from '../test-support/temp-store';
import { createCase, getSettings, listCases, markReplySent, setSettings } from '..';

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
      outcome: 'eligible',
      body: 'Hi',
      agent: 'ann',
    });
    const first = row().firstReplyAt;
    expect(first).not.toBeNull();
    markReplySent(env.store, {
      ref: 'RC-000001',
      language: 'en',
      outcome: 'eligible',
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
});
