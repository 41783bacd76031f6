import { describe, expect, it } from 'vitest';
import { RULE_BOOK } from '../versions';
import { explainUsage } from './explain';
import { renderUsageText } from './text';
import { validUsageInput } from './testing';

// v1.1 (refund policy §5): a call is split where a package expires and at midnight (UTC+8),
// its minutes spread evenly; v1 judged the whole call by its start.
const explain = (input: object, revision = 'v1.1') =>
  explainUsage(validUsageInput({ packages: [], usage: [], ...input }), RULE_BOOK.revision(revision));

const pkg = (id: string, minutes: number, expiresAt: string) => ({
  id,
  minutes,
  purchasedAt: '2026-01-01T00:00:00+08:00',
  expiresAt,
});
const video = (id: string, startedAt: string, minutes: number) => ({
  id,
  startedAt,
  minutes,
  type: 'video',
  resolution: 720,
});

describe('a call past a package expiry (v1.1)', () => {
  const packages = [
    pkg('P1', 1000, '2026-03-01T10:10:00+08:00'),
    pkg('P2', 1000, '2027-01-01T00:00:00+08:00'),
  ];
  const usage = [video('U1', '2026-03-01T10:00:00+08:00', 30)];

  it('draws the part before the expiry from the package, the rest from the next', () => {
    expect(explain({ packages, usage }).usage[0]!.draws).toEqual([
      { package: 'P1', minutes: 10 },
      { package: 'P2', minutes: 20 },
    ]);
    expect(explain({ packages, usage }, 'v1').usage[0]!.draws).toEqual([{ package: 'P1', minutes: 30 }]);
  });

  it('bills the part after the last expiry pay-as-you-go', () => {
    const line = explain({ packages: [packages[0]], usage }).usage[0]!;
    expect(line).toMatchObject({ uncoveredPackageMinutes: 20, payAsYouGo: true });
  });

  it('never lets a piece draw past the expiry: a cut between seconds moves earlier', () => {
    const line = explain({
      packages: [pkg('P1', 1000, '2026-03-01T10:00:01.500+08:00')],
      usage: [{ id: 'A', startedAt: '2026-03-01T10:00:00+08:00', minutes: 1, type: 'audio' }],
    }).usage[0]!;
    // One whole second before the expiry at a quarter: 1/240 of a minute.
    expect(line.draws).toEqual([{ package: 'P1', minutes: 1 / 240 }]);
    expect(line.uncoveredPackageMinutes).toBe(0.25 - 1 / 240);
  });
});

describe('a call or relay task past midnight UTC+8 (v1.1)', () => {
  it('counts a call on both days, each settled with its own day; settlementDay stays the start’s', () => {
    const line = explain({
      packages: [pkg('P1', 1000, '2027-01-01T00:00:00+08:00')],
      usage: [video('U1', '2026-03-01T23:50:00+08:00', 20)],
    }).usage[0]!;
    expect(line.settlementDay).toBe('2026-03-02');
    expect(line.days).toEqual([
      { day: '2026-03-01', minutes: 10, packageMinutes: 10, settlementDay: '2026-03-02' },
      { day: '2026-03-02', minutes: 10, packageMinutes: 10, settlementDay: '2026-03-03' },
    ]);
  });

  it('keeps package minutes exact when midnight falls between seconds', () => {
    const line = explain({
      usage: [{ id: 'A', startedAt: '2026-03-01T23:59:30.500+08:00', minutes: 1, type: 'audio' }],
    }).usage[0]!;
    expect(line.days.map((day) => [day.minutes, day.packageMinutes])).toEqual([
      [0.5, 0.125],
      [0.5, 0.125],
    ]);
  });

  it('counts a relay task on each day it runs', () => {
    const breakdown = explain({
      relay: [{ taskId: 'T1', startedAt: '2026-03-01T23:00:00+08:00', minutes: 120, profile: '4IN_720P' }],
    });
    expect(breakdown.relay).toEqual([
      { day: '2026-03-01', profile: '4IN_720P', minutes: 60, defaulted: false },
      { day: '2026-03-02', profile: '4IN_720P', minutes: 60, defaulted: false },
    ]);
    expect(breakdown.relayTasks[0]!.days).toEqual([
      { day: '2026-03-01', minutes: 60, settlementDay: '2026-03-02' },
      { day: '2026-03-02', minutes: 60, settlementDay: '2026-03-03' },
    ]);
    expect(
      explain(
        {
          relay: [
            { taskId: 'T1', startedAt: '2026-03-01T23:00:00+08:00', minutes: 120, profile: '4IN_720P' },
          ],
        },
        'v1',
      ).relay,
    ).toEqual([{ day: '2026-03-01', profile: '4IN_720P', minutes: 120, defaulted: false }]);
  });
});

describe('the text explanation of a split call', () => {
  it('names each day’s part and its settlement day', () => {
    const text = renderUsageText(explain({ usage: [video('U1', '2026-03-01T23:50:00+08:00', 20)] }), 'en');
    expect(text).toContain(
      'split by day: 2026-03-01 10 min (settled 2026-03-02), 2026-03-02 10 min (settled 2026-03-03)',
    );
  });
});

describe('instants below the millisecond (v1.1 compares them as written)', () => {
  const bought = (purchasedAt: string, expiresAt: string) => ({
    id: 'P1',
    minutes: 100,
    purchasedAt,
    expiresAt,
  });

  it('keeps the first second of a call from a package bought 500 ns after it started', () => {
    const packages = [bought('2026-03-01T10:00:00.0000005+08:00', '2027-01-01T00:00:00+08:00')];
    const usage = [video('U1', '2026-03-01T10:00:00+08:00', 1)];
    const [line] = explain({ packages, usage }).usage;
    // 59 of the 60 seconds draw from the package; the first is pay-as-you-go.
    expect(line!.draws).toEqual([{ package: 'P1', minutes: 59 / 60 }]);
    expect(line!.uncoveredPackageMinutes).toBeCloseTo(1 / 60, 10);
    // Cut to the millisecond (v1) the purchase is at the start and serves the whole call.
    expect(explain({ packages, usage }, 'v1').usage[0]!.draws).toEqual([{ package: 'P1', minutes: 1 }]);
  });

  it('draws nothing of a call a nanosecond before the expiry: its first whole second runs past it', () => {
    const packages = [bought('2026-01-01T00:00:00+08:00', '2026-03-01T10:00:00.000000002+08:00')];
    const at = (startedAt: string) => explain({ packages, usage: [video('U1', startedAt, 1)] }).usage[0]!;
    expect(at('2026-03-01T10:00:00.000000001+08:00').draws).toEqual([]);
    expect(at('2026-03-01T10:00:00.000000002+08:00').payAsYouGo).toBe(true);
    // A second earlier, the whole second before the expiry draws from the package.
    expect(at('2026-03-01T09:59:59.000000001+08:00').draws).toEqual([{ package: 'P1', minutes: 1 / 60 }]);
  });

  it('orders calls whose starts differ only below the millisecond by those digits', () => {
    const packages = [bought('2026-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00')];
    const usage = [
      video('LATER', '2026-03-01T10:00:00.0000002+08:00', 1),
      video('EARLIER', '2026-03-01T10:00:00.0000001+08:00', 1),
    ];
    expect(explain({ packages, usage }).usage.map((line) => line.id)).toEqual(['EARLIER', 'LATER']);
  });
});
