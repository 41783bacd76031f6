import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from './cases';
import { addNote } from './notes';
import { PREFIX_WORDS, refEntrySql, searchCases, toFtsQuery } from './search';
import { formatRef } from '../core/refs';
import { sampleCase, tempStore } from '../test-support/temp-store';

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
  it('spells the ref text in SQL as each entry does', () => {
    const ids = [1, 42, 999_999, 1_000_000, 12_345_678];
    const inSql = env.store.db
      .prepare(`SELECT ${refEntrySql('value')} FROM json_each(?)`)
      .pluck()
      .all(JSON.stringify(ids));
    expect(inSql).toEqual(ids.map((id) => `${formatRef(id)} ${formatRef(id).slice(3)}`));
  });

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
    expect(toFtsQuery('a "b')).toBe('"a" AND "b"*');
    expect(toFtsQuery("O'Brien, RC-000123")).toBe('"O" AND "Brien" AND "RC-000123"*');
  });
});

describe('search inside Chinese names, products and providers', () => {
  let cjk: ReturnType<typeof tempStore>;
  beforeAll(() => {
    cjk = tempStore();
    createCase(
      cjk.store,
      sampleCase({
        customer: { name: '深圳市腾飞网络科技有限公司', accountId: 'acc-tf' },
        productName: '企业官网建设 专业版',
        provider: '杭州云帆信息技术',
      }),
      'ann',
    );
    createCase(cjk.store, sampleCase({ customer: { name: '腾讯云计算', accountId: 'acc-tx' } }), 'ann');
  });
  afterAll(() => cjk.cleanup());
  const found = (query: string) => searchCases(cjk.store, query, 50).map((item) => item.ref);

  it('finds any run of 2 or more characters inside them', () => {
    expect(found('腾飞')).toEqual(['RC-000001']);
    expect(found('网络科技')).toEqual(['RC-000001']);
    expect(found('有限公司')).toEqual(['RC-000001']);
    expect(found('深圳市腾飞网络科技有限公司')).toEqual(['RC-000001']);
    expect(found('官网')).toEqual(['RC-000001']);
    expect(found('云帆')).toEqual(['RC-000001']);
    expect(found('腾')).toEqual(['RC-000002', 'RC-000001']);
    expect(found('计算')).toEqual(['RC-000002']);
    expect(found('腾飞 li')).toEqual([]);
    expect(found('腾飞 acc-tf')).toEqual(['RC-000001']);
    expect(found('飞腾')).toEqual([]);
  });

  it('cuts only runs of CJK characters into pairs', () => {
    expect(toFtsQuery('腾飞网络')).toBe('("腾飞" "飞网" "网络" OR "腾飞网络"*)');
    expect(toFtsQuery('腾飞网络', false)).toBe('("腾飞" "飞网" "网络" OR "腾飞网络")');
    expect(toFtsQuery('acc 腾')).toBe('"acc" AND "腾"*');
    expect(toFtsQuery('腾飞 li')).toBe('("腾飞" OR "腾飞") AND "li"*');
  });
});

describe('search by a prefix', () => {
  let family: ReturnType<typeof tempStore>;
  beforeAll(() => {
    family = tempStore();
    // A family of ids under one prefix, larger than the words a prefix may stand for.
    for (let i = 0; i < PREFIX_WORDS + 20; i++) {
      createCase(family.store, sampleCase({ orderId: `O-2026-${String(i).padStart(4, '0')}` }), 'ann');
    }
    createCase(
      family.store,
      sampleCase({ customer: { name: 'Zhōu Wěi', accountId: 'acc-zhou' }, orderId: 'Z-1' }),
      'ann',
    );
  });
  afterAll(() => family.cleanup());
  const found = (query: string, limit = 500) =>
    searchCases(family.store, query, limit).map((item) => item.ref);
  const plainPrefix = (query: string) =>
    (
      family.store.db
        .prepare('SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ORDER BY rowid DESC')
        .pluck()
        .all(toFtsQuery(query)) as number[]
    ).map(formatRef);

  it('finds exactly what the plain prefix query finds while the prefix is narrow', () => {
    for (const query of ['o-2026-001', 'O-2026-000', 'o-2026-0083', 'li w', 'zh', 'acc-zh']) {
      expect(found(query)).toEqual(plainPrefix(query));
    }
    expect(found('o-2026-001')).toHaveLength(10);
  });

  it('folds case and accents as the index does', () => {
    expect(found('ZHOU')).toEqual([formatRef(PREFIX_WORDS + 21)]);
    expect(found('wei zho')).toEqual(found('Zhōu Wěi'));
  });

  it('narrows a prefix shared by a whole family to its first words, newest first', () => {
    const shown = found('o-2026');
    expect(shown).toHaveLength(PREFIX_WORDS);
    expect(shown[0]).toBe(formatRef(PREFIX_WORDS));
    expect(shown.every((ref) => plainPrefix('o-2026').includes(ref))).toBe(true);
  });
});
