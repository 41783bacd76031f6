import { describe, expect, it } from 'vitest';
import { convertedUnits, packageUnitsOf, toHundredths, unitsToMinutes } from './units';

describe('toHundredths', () => {
  it.each([
    [0, 0],
    [0.29, 29],
    [1.1, 110],
    [3.75, 375],
    [99999999.99, 9999999999],
  ])('reads %d minutes as %d hundredths', (minutes, hundredths) => {
    expect(toHundredths(minutes)).toBe(hundredths);
  });

  it.each([0.001, 0.125, 1 / 3])('refuses %d, which has more than two decimals', (minutes) => {
    expect(toHundredths(minutes)).toBeNull();
  });
});

describe('package units', () => {
  it('keeps quarter minutes exact where float accumulation would drift', () => {
    expect(0.1 + 0.1 + 0.1).not.toBe(0.3);
    const threeTenths = convertedUnits(0.1, 4) * 3;
    expect(threeTenths).toBe(packageUnitsOf(0.3));
    expect(unitsToMinutes(convertedUnits(3, 15))).toBe(11.25);
    expect(unitsToMinutes(convertedUnits(0.01, 1))).toBe(0.0025);
  });
});
