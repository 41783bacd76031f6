import { describe, expect, it } from 'vitest';
import { FACTOR_TABLE, factorFor } from './conversion';

describe('factorFor', () => {
  it.each([
    [{ type: 'audio' } as const, 0.25],
    [{ type: 'video', resolution: 1 } as const, 0.5],
    [{ type: 'video', resolution: 360 } as const, 0.5],
    [{ type: 'video', resolution: 361 } as const, 1],
    [{ type: 'video', resolution: 720 } as const, 1],
    [{ type: 'video', resolution: 721 } as const, 3.75],
    [{ type: 'video', resolution: 1080 } as const, 3.75],
  ])('%o draws %d package minutes per call minute', (call, factor) => {
    expect(factorFor(call)?.factor).toBe(factor);
  });

  it.each([1081, 1440, 2160])('video at %ip is not covered by packages', (resolution) => {
    expect(factorFor({ type: 'video', resolution })).toBeNull();
  });

  it('keeps every factor as whole quarters, so conversion is integer arithmetic', () => {
    for (const row of FACTOR_TABLE) {
      expect(Number.isInteger(row.quarters)).toBe(true);
      expect(row.quarters / 4).toBe(row.factor);
    }
  });
});
