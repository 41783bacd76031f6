import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from './cases';
import { addNote } from './notes';
import { searchCases, toFtsQuery } from './search';
import { sampleCase, tempStore } from './test-support/temp-store';

let env: ReturnType<typeof tempStore>;
beforeAll(() => {
  env = tempStore();
  createCase(env.store, sampleCase(), 'ann');
  createCase(
    env.store,
    sampleCase({
      customer: { name: '张三', accountId: 'ACC-889' },
      orderId: 'o-123',
      productName: 'Ubuntu Image 云主机',
      provider: 'Café Systems',
    }),
    'ann',
  );
  addNote(env.store, 'RC-000001', 'ann', 'Customer says the "export" button fails');
});
afterAll(() => env.cleanup());

const refs = (query: string) => searchCases(env.store, query, 50).map((item) => item.ref);

describe('search', () => {
  it('finds by ref, bare digits, order id, account, customer, product, provider and notes', () => {
    expect(refs('RC-000002')).toEqual(['RC-000002']);
    expect(refs('000001')).toEqual(['RC-000001']);
    expect(refs('o-123')).toEqual(['RC-000002']);
    expect(refs('O-12')).toEqual(['RC-000002']);
    expect(refs('acc-889')).toEqual(['RC-000002']);
    expect(refs('张三')).toEqual(['RC-000002']);
    expect(refs('cafe')).toEqual(['RC-000002']);
    expect(refs('li wei')).toEqual(['RC-000001']);
    expect(refs('"export" button')).toEqual(['RC-000001']);
    expect(refs('sitebuilder acme')).toEqual(['RC-000001']);
  });

  it('lists newest first and respects the limit', () => {
    expect(refs('customer OR li')).toEqual([]);
    expect(searchCases(env.store, 'a', 1)).toHaveLength(1);
  });

  it('never throws on what an agent may type', () => {
    for (const text of ['"', '(', 'AND', 'NOT x', '*', 'a:b', '-', "o'brien", 'NEAR(a b)', '^x', '\\']) {
      expect(() => refs(text)).not.toThrow();
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => void refs(text)),
      { numRuns: 300 },
    );
    expect(toFtsQuery('  - ')).toBeNull();
    expect(toFtsQuery('a "b')).toBe('"a" "b"*');
    expect(toFtsQuery("O'Brien, RC-000123")).toBe('"O" "Brien" "RC-000123"*');
  });
});
