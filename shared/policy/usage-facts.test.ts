import { describe, expect, it } from 'vitest';
import type { Facts } from '../model/facts';
import { minutesDrawn, readUsageExport } from './usage-facts';

const pkg = (id: string, minutes: number, expiresAt: string) => ({
  id,
  minutes,
  purchasedAt: '2026-03-01T00:00:00+08:00',
  expiresAt,
});
const call = (id: string, minutes: number) => ({
  id,
  startedAt: '2026-03-02T09:00:00+08:00',
  minutes,
  type: 'video',
  resolution: 720,
});
const exportOf = (packages: object[], usage: object[]) => {
  const read = readUsageExport(JSON.stringify({ packages, usage }));
  if (!read.ok) throw new Error(read.problem);
  return read;
};
const rtc = (facts: Facts): Facts => ({ productType: 'rtc_package', ...facts });

describe('minutes drawn in a usage export against the case’s "minutes used"', () => {
  it('flags a case that says 0 minutes used while the export shows minutes drawn', () => {
    const { input, breakdown } = exportOf([pkg('P1', 5000, '2026-06-01T00:00:00+08:00')], [call('c1', 4485)]);
    expect(minutesDrawn(rtc({ consumedMinutes: 0 }), input, breakdown)).toEqual({
      drawn: 4485,
      packageId: 'P1',
      contradicts: true,
    });
    expect(minutesDrawn(rtc({ consumedMinutes: 4485 }), input, breakdown)?.contradicts).toBe(false);
    expect(minutesDrawn(rtc({}), input, breakdown)).toMatchObject({ drawn: 4485, contradicts: false });
  });

  it('counts the package that expires with the case’s package, else every package', () => {
    const { input, breakdown } = exportOf(
      [pkg('soon', 10, '2026-04-01T00:00:00+08:00'), pkg('late', 100, '2026-06-01T00:00:00+08:00')],
      [call('c1', 20)],
    );
    expect(minutesDrawn(rtc({ expiresAt: '2026-05-31T16:00:00Z' }), input, breakdown)).toMatchObject({
      packageId: 'late',
      drawn: 10,
    });
    expect(minutesDrawn(rtc({}), input, breakdown)).toMatchObject({ packageId: null, drawn: 20 });
  });

  it('says nothing for other kinds, and reads a broken export as a problem', () => {
    const { input, breakdown } = exportOf([pkg('P1', 10, '2026-06-01T00:00:00+08:00')], []);
    expect(minutesDrawn({ productType: 'saas' }, input, breakdown)).toBeNull();
    expect(readUsageExport('{"packages": [')).toMatchObject({ ok: false });
  });
});
