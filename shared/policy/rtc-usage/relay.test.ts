import { describe, expect, it } from 'vitest';
import { RULE_BOOK } from '../versions';
import { RELAY_DEFAULT_PROFILE, summarizeRelay } from './relay';
import { validUsageInput } from './testing';

function relay(tasks: unknown[]) {
  return summarizeRelay(
    validUsageInput({ packages: [], usage: [], relay: tasks }).relay,
    RULE_BOOK.revision('v1'),
  ).lines;
}

describe('summarizeRelay', () => {
  it('sums minutes per day (UTC+8) and profile, sorted by day then profile', () => {
    expect(
      relay([
        { taskId: 'T1', startedAt: '2026-03-01T10:00:00+08:00', minutes: 12.5, profile: '9IN_720P' },
        { taskId: 'T2', startedAt: '2026-03-01T11:00:00+08:00', minutes: 2.25, profile: '4IN_720P' },
        { taskId: 'T1', startedAt: '2026-03-01T12:00:00+08:00', minutes: 0.75, profile: '9IN_720P' },
        // 16:30 UTC is already 00:30 on the next day in UTC+8.
        { taskId: 'T3', startedAt: '2026-03-01T16:30:00Z', minutes: 1, profile: '4IN_720P' },
      ]),
    ).toEqual([
      { day: '2026-03-01', profile: '4IN_720P', minutes: 2.25, defaulted: false },
      { day: '2026-03-01', profile: '9IN_720P', minutes: 13.25, defaulted: false },
      { day: '2026-03-02', profile: '4IN_720P', minutes: 1, defaulted: false },
    ]);
  });

  it.each([
    ['missing', {}],
    ['null', { profile: null }],
  ])('bills a task whose profile is %s at %s from 2020-06-01 23:00 UTC+8 on', (_how, profile) => {
    expect(relay([{ taskId: 'T1', startedAt: '2020-06-01T23:00:00+08:00', minutes: 3, ...profile }])).toEqual(
      [{ day: '2020-06-01', profile: RELAY_DEFAULT_PROFILE, minutes: 3, defaulted: true }],
    );
  });

  it('does not bill a task without a profile from before the rule at the top profile', () => {
    expect(
      relay([{ taskId: 'T1', startedAt: '2020-06-01T14:59:59.999Z', minutes: 3, profile: null }]),
    ).toEqual([{ day: '2020-06-01', profile: null, minutes: 3, defaulted: false }]);
  });

  it('keeps defaulted minutes on their own line beside explicit minutes of the same profile', () => {
    expect(
      relay([
        { taskId: 'T1', startedAt: '2026-03-01T10:00:00+08:00', minutes: 4, profile: null },
        { taskId: 'T2', startedAt: '2026-03-01T11:00:00+08:00', minutes: 5, profile: '16IN_1080P' },
        { taskId: 'T3', startedAt: '2026-03-01T12:00:00+08:00', minutes: 6, profile: '4IN_360P' },
      ]),
    ).toEqual([
      { day: '2026-03-01', profile: '16IN_1080P', minutes: 5, defaulted: false },
      { day: '2026-03-01', profile: '16IN_1080P', minutes: 4, defaulted: true },
      { day: '2026-03-01', profile: '4IN_360P', minutes: 6, defaulted: false },
    ]);
  });

  it('adds hundredths exactly', () => {
    const tasks = ['T1', 'T2', 'T3'].map((taskId) => ({
      taskId,
      startedAt: '2026-03-01T10:00:00+08:00',
      minutes: 0.1,
      profile: '4IN_720P',
    }));
    expect(relay(tasks)[0]?.minutes).toBe(0.3);
  });
});
