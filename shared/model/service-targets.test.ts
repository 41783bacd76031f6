import { describe, expect, it } from 'vitest';
import {
  breaches,
  DEFAULT_SERVICE_TARGETS,
  MINUTE_MS,
  nextDue,
  runningClocks,
  ServiceTargetsSchema,
  type ServiceState,
} from './service-targets';

const HOUR = 60 * MINUTE_MS;
const requestedAt = Date.parse('2026-03-06T09:30:00+08:00');
const open: ServiceState = { requestedAt, productType: 'saas', firstReplyAt: null, settled: false };
const targets = { ...DEFAULT_SERVICE_TARGETS, saas: { firstResponse: 120, resolution: 48 * 60 } };

describe('service targets', () => {
  it('counts both clocks from the request, by the kind’s targets, first due first', () => {
    expect(runningClocks(open, targets)).toEqual([
      { clock: 'firstResponse', dueAt: requestedAt + 2 * HOUR },
      { clock: 'resolution', dueAt: requestedAt + 48 * HOUR },
    ]);
    expect(runningClocks({ ...open, productType: 'service' }, targets)[1]!.dueAt).toBe(
      requestedAt + 5 * 24 * HOUR,
    );
  });

  it('stops the first response at the first reply, and every clock once settled', () => {
    expect(nextDue({ ...open, firstReplyAt: requestedAt + HOUR }, targets)).toEqual({
      clock: 'resolution',
      dueAt: requestedAt + 48 * HOUR,
    });
    expect(runningClocks({ ...open, settled: true }, targets)).toEqual([]);
  });

  it('runs no clock without a request time or a kind', () => {
    expect(nextDue({ ...open, requestedAt: null }, targets)).toBeNull();
    expect(nextDue({ ...open, productType: null }, targets)).toBeNull();
  });

  it('is breached from the due instant on, to the millisecond', () => {
    const due = requestedAt + 2 * HOUR;
    expect(breaches(open, targets, due - 1)).toEqual([]);
    expect(breaches(open, targets, due)).toEqual([{ clock: 'firstResponse', dueAt: due }]);
    expect(breaches(open, targets, requestedAt + 48 * HOUR).map((b) => b.clock)).toEqual([
      'firstResponse',
      'resolution',
    ]);
  });

  it('takes whole minutes for every kind, and no fraction, zero or missing kind', () => {
    expect(ServiceTargetsSchema.safeParse(DEFAULT_SERVICE_TARGETS).success).toBe(true);
    const bad = (saas: unknown) =>
      ServiceTargetsSchema.safeParse({ ...DEFAULT_SERVICE_TARGETS, saas }).success;
    expect(bad({ firstResponse: 1.5, resolution: 60 })).toBe(false);
    expect(bad({ firstResponse: 0, resolution: 60 })).toBe(false);
    const { api: _api, ...missing } = DEFAULT_SERVICE_TARGETS;
    expect(ServiceTargetsSchema.safeParse(missing).success).toBe(false);
  });
});
