import { describe, expect, it } from 'vitest';
import { fieldChanges, mergeFieldChanges } from './team-merge';

describe('mergeFieldChanges', () => {
  const local = {
    orderAmount: 19900,
    paidAt: '2026-11-01T10:00:00+08:00',
    exclusions: { itemLapsed: false },
  };

  it('takes a remote change of a field this desktop left alone', () => {
    const result = mergeFieldChanges(local, { orderAmount: { from: 19900, to: 29900 } });
    expect(result).toEqual({ apply: { orderAmount: 29900 }, conflicts: [] });
  });

  it('needs nothing when both sides made the same change', () => {
    expect(mergeFieldChanges(local, { orderAmount: { from: 100, to: 19900 } })).toEqual({
      apply: {},
      conflicts: [],
    });
  });

  it('keeps both values when both sides changed the same field differently', () => {
    const result = mergeFieldChanges(local, { orderAmount: { from: 100, to: 200 } });
    expect(result.apply).toEqual({});
    expect(result.conflicts).toEqual([{ field: 'orderAmount', base: 100, local: 19900, remote: 200 }]);
  });

  it('merges changes of different fields without a conflict', () => {
    const result = mergeFieldChanges(local, {
      paidAt: { from: '2026-11-01T10:00:00+08:00', to: '2026-11-02T10:00:00+08:00' },
      invoiceIssued: { from: undefined, to: true },
    });
    expect(result).toEqual({
      apply: { paidAt: '2026-11-02T10:00:00+08:00', invoiceIssued: true },
      conflicts: [],
    });
  });

  it('compares a fact with sub-answers as a whole', () => {
    const same = mergeFieldChanges(local, {
      exclusions: { from: { itemLapsed: false }, to: { itemLapsed: true } },
    });
    expect(same.apply).toEqual({ exclusions: { itemLapsed: true } });
    const clash = mergeFieldChanges(local, { exclusions: { from: { itemLapsed: true }, to: {} } });
    expect(clash.conflicts.map((c) => c.field)).toEqual(['exclusions']);
  });

  it('treats clearing a fact like any other change', () => {
    expect(
      mergeFieldChanges(local, { paidAt: { from: '2026-11-01T10:00:00+08:00', to: undefined } }).apply,
    ).toEqual({
      paidAt: undefined,
    });
  });
});

describe('fieldChanges', () => {
  it('lists exactly the fields that differ, added and removed ones included', () => {
    expect(fieldChanges({ a: 1, b: { c: 2 }, d: 4 }, { a: 1, b: { c: 3 }, e: 5 })).toEqual({
      b: { from: { c: 2 }, to: { c: 3 } },
      d: { from: 4, to: undefined },
      e: { from: undefined, to: 5 },
    });
  });

  it('round-trips: the changes between two records merge one into the other', () => {
    const before = { a: 1, b: 'x' };
    const after = { a: 2, c: true };
    const { apply, conflicts } = mergeFieldChanges(before, fieldChanges(before, after));
    expect(conflicts).toEqual([]);
    expect(JSON.parse(JSON.stringify({ ...before, ...apply }))).toEqual(after);
  });
});
