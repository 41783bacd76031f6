import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../shared/model/import';
import {
  currentColumns,
  mappingToSave,
  OFFSET_CHOICES,
  rowRanges,
  overridesFrom,
  percentOf,
  toBase64,
  uploadRanges,
} from './import-flow';

const summary = (mapping: ImportSummary['mapping']) => ({ mapping }) as ImportSummary;

describe('uploadRanges and toBase64', () => {
  it('cut the bytes into pieces that join back into the same bytes', () => {
    const bytes = Uint8Array.from({ length: 100_001 }, (_, i) => (i * 7) % 256);
    const ranges = uploadRanges(bytes.length, 4000);
    expect(ranges.length).toBe(Math.ceil(100_001 / 3000));
    const pieces = ranges.map(([start, end]) => toBase64(bytes.subarray(start, end)));
    expect(pieces.every((piece) => piece.length <= 4000)).toBe(true);
    const joined = Buffer.concat(pieces.map((piece) => Buffer.from(piece, 'base64')));
    expect(joined.equals(Buffer.from(bytes))).toBe(true);
  });

  it('send one empty piece for an empty file, so the host sees it and says it is empty', () => {
    expect(uploadRanges(0, 4000)).toEqual([[0, 0]]);
    expect(toBase64(new Uint8Array())).toBe('');
  });
});

describe('mappings', () => {
  const detected = summary([
    { header: '单号', column: null, unit: null },
    { header: '客户名称', column: 'customerName', unit: null },
    { header: '备注', column: null, unit: null },
  ]);

  it('the agent’s choices win over what was detected, and a saved mapping holds every header', () => {
    const overrides = { 单号: 'orderId', 客户名称: null };
    expect(currentColumns(detected, overrides)).toEqual([
      { header: '单号', column: 'orderId' },
      { header: '客户名称', column: null },
      { header: '备注', column: null },
    ]);
    expect(mappingToSave(' Shop B ', detected, overrides, 'yuan')).toEqual({
      name: 'Shop B',
      columns: { 单号: 'orderId', 客户名称: null, 备注: null },
      amountUnit: 'yuan',
    });
  });

  it('applies a saved mapping only to the headers a file has', () => {
    const saved = { name: 'x', columns: { 单号: 'orderId', 其他: 'provider' }, amountUnit: null };
    expect(overridesFrom(saved, ['单号', '客户名称'])).toEqual({ 单号: 'orderId' });
  });

  it('percentOf stays within 0 to 100', () => {
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(9, 3)).toBe(100);
  });
});

describe('rowRanges and OFFSET_CHOICES', () => {
  it('say a group’s rows as ranges, and that more are not listed', () => {
    expect(rowRanges({ rows: [[2, 5204]], count: 5203 })).toBe('2–5204');
    expect(
      rowRanges({
        rows: [
          [2, 3],
          [7, 7],
        ],
        count: 4,
      }),
    ).toBe('2–3, 7, …');
  });

  it('offer the policy zone first, then each whole hour once', () => {
    expect(OFFSET_CHOICES[0]).toBe('+08:00');
    expect(OFFSET_CHOICES).toContain('+00:00');
    expect(OFFSET_CHOICES).toContain('-12:00');
    expect(new Set(OFFSET_CHOICES).size).toBe(OFFSET_CHOICES.length);
  });
});
