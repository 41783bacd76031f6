import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  localInputToIso,
  offsetLabel,
  POLICY_ZONE_NAME,
  roughSpan,
  splitSpan,
  startOfDay,
  zoneOf,
} from './time';

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

describe('formatInstant', () => {
  const instant = '2026-03-01T02:00:00.000Z';

  it('shows the instant on the given zone’s clock, in the UI language, always with its offset', () => {
    expect(formatInstant(instant, 'en', 'Asia/Shanghai')).toBe('1 Mar 2026, 10:00 UTC+08:00');
    expect(formatInstant(instant, 'en', 'America/New_York')).toBe('28 Feb 2026, 21:00 UTC-05:00');
    expect(formatInstant(instant, 'zh', 'Asia/Shanghai')).toBe('2026年3月1日 10:00 UTC+08:00');
  });

  it('keeps one formatter per language and zone, so a cached one never leaks another zone', () => {
    expect(formatInstant(instant, 'en', 'UTC')).toBe('1 Mar 2026, 02:00 UTC+00:00');
    expect(formatInstant(instant, 'en', 'Asia/Tokyo')).toBe('1 Mar 2026, 11:00 UTC+09:00');
  });
});

describe('zones', () => {
  it('the policy zone is UTC+8 all year, whatever the machine’s zone', () => {
    expect(zoneOf('policy', 'Europe/Berlin')).toBe(POLICY_ZONE_NAME);
    expect(offsetLabel('2026-01-15T00:00:00Z', POLICY_ZONE_NAME)).toBe('UTC+08:00');
    expect(offsetLabel('2026-07-15T00:00:00Z', POLICY_ZONE_NAME)).toBe('UTC+08:00');
    expect(formatInstant('2026-03-01T02:00:00Z', 'en', POLICY_ZONE_NAME)).toBe('1 Mar 2026, 10:00 UTC+08:00');
    expect(localInputToIso('2026-03-01T10:00', POLICY_ZONE_NAME)).toBe('2026-03-01T10:00:00+08:00');
  });

  it('“today” starts at the zone’s own midnight, not the machine’s', () => {
    const at = Date.parse('2026-03-01T20:00:00Z'); // 04:00 on 2 March in UTC+8, 21:00 on 1 March in Berlin
    expect(startOfDay(at, POLICY_ZONE_NAME)).toBe('2026-03-02T00:00:00+08:00');
    expect(startOfDay(at, 'Europe/Berlin')).toBe('2026-03-01T00:00:00+01:00');
  });

  it('the agent’s zone is the one given, with the offset of the moment shown', () => {
    expect(zoneOf('agent', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(offsetLabel('2026-07-15T00:00:00Z', 'Europe/Berlin')).toBe('UTC+02:00');
  });
});

describe('splitSpan', () => {
  it('splits a span into whole days, hours and minutes, ignoring its sign', () => {
    expect(splitSpan(((2 * 24 + 3) * 60 + 4) * 60_000 + 59_999)).toEqual({ d: 2, h: 3, m: 4 });
    expect(splitSpan(-90 * 60_000)).toEqual({ d: 0, h: 1, m: 30 });
    expect(splitSpan(0)).toEqual({ d: 0, h: 0, m: 0 });
  });
});

describe('roughSpan', () => {
  it('rounds down to the largest whole unit, either side of now', () => {
    const minute = 60_000;
    expect(roughSpan((2 * 60 + 59) * minute)).toEqual({ unit: 'h', count: 2 });
    expect(roughSpan(-(35 * 24 * 60 + 5) * minute)).toEqual({ unit: 'd', count: 35 });
    expect(roughSpan(59 * minute + 59_999)).toEqual({ unit: 'min', count: 59 });
  });
});
