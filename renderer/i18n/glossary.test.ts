import { describe, expect, it } from 'vitest';
import { ZH_GLOSSARY } from './glossary';
import { zh } from './zh';

type Tree = { [key: string]: string | Tree };
const strings = (tree: Tree, path: string[] = []): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[[...path, key].join('.'), value] as [string, string]]
      : strings(value, [...path, key]),
  );

describe('the Chinese glossary', () => {
  it('is the only wording of each term in the Chinese catalogue', () => {
    const off = strings(zh as unknown as Tree).flatMap(([key, text]) =>
      ZH_GLOSSARY.flatMap((entry) =>
        entry.not.filter((word) => text.includes(word)).map((word) => `${key}: ${word} (say ${entry.zh})`),
      ),
    );
    expect(off).toEqual([]);
  });
});
