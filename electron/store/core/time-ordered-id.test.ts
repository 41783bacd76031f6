import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id';

describe('time-ordered ids', () => {
  it('are version 7 UUIDs whose first 48 bits are the time in milliseconds', () => {
    const at = Date.parse('2026-11-27T09:30:00.123Z');
    const id = timeOrderedId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sort by time as text, and never repeat', () => {
    const ids = Array.from({ length: 2000 }, (_, n) => timeOrderedId(1_700_000_000_000 + n));
    expect([...ids].sort()).toEqual(ids);
    const same = new Set(Array.from({ length: 10_000 }, () => timeOrderedId(1_700_000_000_000)));
    expect(same.size).toBe(10_000);
  });
});
