import { describe, expect, it } from 'vitest';
import { explainUsage } from './explain';
import { renderUsageText } from './text';
import { validUsageInput } from './testing';

const breakdown = explainUsage(
  validUsageInput({
    packages: [
      {
        id: 'P1',
        minutes: 10,
        purchasedAt: '2026-01-01T00:00:00+08:00',
        expiresAt: '2027-01-01T00:00:00+08:00',
      },
    ],
    usage: [
      { id: 'U1', startedAt: '2026-03-01T10:00:00+08:00', minutes: 2, type: 'audio' },
      { id: 'U2', startedAt: '2026-03-01T11:00:00+08:00', minutes: 4, type: 'video', resolution: 1080 },
      { id: 'U3', startedAt: '2026-03-01T12:00:00+08:00', minutes: 5, type: 'video', resolution: 1440 },
    ],
    relay: [
      { taskId: 'T1', startedAt: '2026-03-01T10:00:00+08:00', minutes: 12, profile: null },
      { taskId: 'T2', startedAt: '2026-03-01T10:00:00+08:00', minutes: 3, profile: '4IN_720P' },
      { taskId: 'T0', startedAt: '2020-05-01T10:00:00+08:00', minutes: 5 },
    ],
  }),
);

describe('renderUsageText', () => {
  it('explains every call, package and relay line in English', () => {
    const lines = renderUsageText(breakdown, 'en').split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'Calls, in the order they started',
      '  U1: 0.5 package minutes at factor 0.25; taken from P1 (0.5); settled on 2026-03-02',
      // What the bill charges: call minutes at the call's rate (5.5 / 3.75), not package minutes.
      "  U2: 15 package minutes at factor 3.75; taken from P1 (9.5); 1.47 call minutes are billed pay-as-you-go at this call's rate (5.5 package minutes had no valid package left); settled on 2026-03-02",
      '  U3: video above 1080p is not covered by packages; the whole call, 5 call minutes, is billed pay-as-you-go; settled on 2026-03-02',
      '',
      'Packages',
      '  P1: 10 used, 0 left',
      '',
      'Relay transcoding, minutes per day and task profile',
    ]);
    // The rule's start instant is written by the shared time formatter; only its wall clock is pinned.
    expect(lines[9]).toMatch(
      /^ {2}2020-05-01 no profile: 5 minutes; the task set no profile before 2020-06-01 23:00\b/,
    );
    expect(lines.slice(10)).toEqual([
      '  2026-03-01 16IN_1080P: 12 minutes; the task set no profile, so the highest profile is billed',
      '  2026-03-01 4IN_720P: 3 minutes',
      '',
    ]);
  });

  it('explains the same breakdown in Simplified Chinese', () => {
    const text = renderUsageText(breakdown, 'zh');
    expect(text).toContain(
      '  U2：按系数 3.75 折合 15 套餐分钟；扣自 P1（9.5）；其中 1.47 通话分钟按本通话的档位按量计费（5.5 套餐分钟已无有效套餐可扣）；结算日 2026-03-02',
    );
    expect(text).toContain(
      '  U3：1080P 以上的视频不在套餐抵扣范围内，整通通话 5 分钟按量计费；结算日 2026-03-02',
    );
    expect(text).toContain('  P1：已用 10，剩余 0');
    expect(text).toContain('  2026-03-01 16IN_1080P：12 分钟；任务未设置规格，按最高规格计费');
    expect(text).toMatch(/ {2}2020-05-01 未设置规格：5 分钟；任务在 2020-06-01 23:00\b/);
  });

  it('says so when a section is empty', () => {
    const empty = { usage: [], packages: [], relay: [], relayTasks: [] };
    expect(renderUsageText(empty, 'en')).toBe(
      'Calls, in the order they started\n  (none)\n\nPackages\n  (none)\n\nRelay transcoding, minutes per day and task profile\n  (none)\n',
    );
    expect(renderUsageText(empty, 'zh')).toContain('套餐\n  （无）');
  });
});
