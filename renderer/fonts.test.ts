import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MONO_STACK,
  PRINT_MONO_STACK,
  PRINT_TEXT_STACK,
  SHIPPED_FONTS,
  TEXT_STACK,
} from '../shared/fonts/shipped';

const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
const property = (css: string, name: string) =>
  new RegExp(`${name}:\\s*([^;]+);`).exec(css)?.[1]?.replaceAll("'", '"').replace(/\s+/g, ' ');

describe('the console’s fonts', () => {
  it('loads every shipped font at every shipped weight, and nothing else', () => {
    const imported = [...read('./fonts.ts').matchAll(/^import '([^']+\.css)';$/gm)].map(([, sheet]) => sheet);
    const shipped = SHIPPED_FONTS.flatMap((font) =>
      font.weights.map((weight) => `${font.package}/${font.stylesheet(weight)}`),
    );
    expect(imported.sort()).toEqual([...new Set(shipped)].sort());
  });

  it('writes its text in the shipped stacks, and prints in the stacks the reports print with', () => {
    const css = read('./styles.css');
    expect(property(css, '--font-text')).toBe(TEXT_STACK);
    expect(property(css, '--font-mono')).toBe(MONO_STACK);
    const print = read('./print.css');
    expect(property(print, '--font-text')).toBe(PRINT_TEXT_STACK);
    expect(property(print, '--font-mono')).toBe(PRINT_MONO_STACK);
    // Every font rule names the stacks, never a family of the machine's.
    const families = [...css.matchAll(/font(?:-family)?:([^;]+);/g)].map(([, value]) => value!);
    expect(families.filter((value) => !value.includes('var(--font-') && value.trim() !== 'inherit')).toEqual(
      [],
    );
  });
});
