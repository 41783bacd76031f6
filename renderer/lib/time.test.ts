import { describe, expect, it } from 'vitest';
import { formatLocal, localInputToIso, policyTime, splitSpan } from './time';

describe('localInputToIso', () => {
  it('attaches the offset the zone has at that moment, winter and summer', () => {
    expect(localInputToIso('2026-03-01T10:00', 'Europe/Berlin')).toBe('2026-03-01T10:00:00+01:00');
    expect(localInputToIso('2026-07-01T10:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00+02:00');
    expect(localInputToIso('2026-03-01T10:00', 'Asia/Shanghai')).toBe('2026-03-01T10:00:00+08:00');
    expect(localInputToIso('2026-03-01T10:00', 'America/St_Johns')).toBe('2026-03-01T10:00:00-03:30');
    expect(localInputToIso('2026-03-01T10:00', 'UTC')).toBe('2026-03-01T10:00:00+00:00');
  });

  it('keeps seconds, drops milliseconds, and names the same instant the agent typed', () => {
    const iso = localInputToIso('2026-03-01T23:59:30.250', 'America/Los_Angeles')!;
    expect(iso).toBe('2026-03-01T23:59:30-08:00');
    expect(new Date(iso).toISOString()).toBe('2026-03-02T07:59:30.000Z');
  });

  it('moves a wall time inside a DST gap forward by the gap', () => {
    expect(localInputToIso('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('answers null for empty or impossible input', () => {
    expect(localInputToIso('', 'UTC')).toBeNull();
    expect(localInputToIso('yesterday', 'UTC')).toBeNull();
    expect(localInputToIso('2026-02-30T10:00', 'UTC')).toBeNull();
  });
});

describe('formatLocal', () => {
  const instant = '2026-03-01T02:00:00.000Z';

  it('shows the instant on the given zone’s clock, in the UI language', () => {
    expect(formatLocal(instant, 'en', 'Asia/Shanghai')).toBe('1 Mar 2026, 10:00');
    expect(formatLocal(instant, 'en', 'America/New_York')).toBe('28 Feb 2026, 21:00');
    expect(formatLocal(instant, 'zh', 'Asia/Shanghai')).toBe('2026年3月1日 10:00');
  });

  it('keeps one formatter per language and zone, so a cached one never leaks another zone', () => {
    expect(formatLocal(instant, 'en', 'UTC')).toBe('1 Mar 2026, 02:00');
    expect(formatLocal(instant, 'en', 'Asia/Tokyo')).toBe('1 Mar 2026, 11:00');
  });
});

describe('policyTime and splitSpan', () => {
  it('shows the policy zone (UTC+8) whatever the agent’s zone', () => {
    expect(policyTime('2026-03-01T02:00:00Z')).toBe('2026-03-01 10:00 UTC+08:00');
  });

  it('splits a span into whole days, hours and minutes, ignoring its sign', () => {
    expect(splitSpan(((2 * 24 + 3) * 60 + 4) * 60_000 + 59_999)).toEqual({ d: 2, h: 3, m: 4 });
    expect(splitSpan(-90 * 60_000)).toEqual({ d: 0, h: 1, m: 30 });
    expect(splitSpan(0)).toEqual({ d: 0, h: 0, m: 0 });
  });
});
