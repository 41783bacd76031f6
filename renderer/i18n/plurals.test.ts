import { describe, expect, it } from 'vitest';
import { en } from './en';
import { i18n } from './index';

type Tree = { [key: string]: string | Tree };
const strings = (tree: Tree, path: string[] = []): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[[...path, key].join('.'), value] as [string, string]]
      : strings(value, [...path, key]),
  );

// A count that is not followed by a noun needs no plural form.
const NO_NOUN = new Set(['decide.tooShort', 'approvals.waitingTab']);

describe('English plurals', () => {
  it('gives every string that counts something a singular and a plural form', () => {
    const counted = strings(en as unknown as Tree).filter(
      ([key, text]) => text.includes('{{count}}') && !/_(one|other)$/.test(key) && !NO_NOUN.has(key),
    );
    expect(counted.map(([key]) => key)).toEqual([]);
  });

  it('reads one case as one case', () => {
    const t = i18n.getFixedT('en');
    expect(t('dashboard.delayNote', { count: 1 })).toContain('over 1 case with');
    expect(t('dashboard.delayNote', { count: 2 })).toContain('over 2 cases with');
    expect(t('dashboard.others', { count: 1 })).toBe('1 other');
    expect(t('import.start', { count: 1 })).toBe('Import 1 case');
    expect(t('queue.results', { count: 1, query: 'Kunming' })).toBe('1 result for “Kunming”');
  });
});
