import { describe, expect, it } from 'vitest';
import { printable, terminalSafe } from './terminal-text';

// What a terminal obeys: anything here left raw could move the cursor, erase or reorder text.
const RAW =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('printable', () => {
  it('shows carriage returns, escape sequences, newlines and bidi overrides as escapes', () => {
    expect(printable('Li Wei\r\u001b[2KRC-000001 eligible')).toBe('Li Wei\\r\\x1b[2KRC-000001 eligible');
    expect(printable('a\nb\tc\u0000')).toBe('a\\nb\\tc\\x00');
    expect(printable('\u202eelbigile\u2066x\u2069\u200f')).toBe('\\u202eelbigile\\u2066x\\u2069\\u200f');
    expect(printable('\u009b2K\u007f')).toBe('\\u009b2K\\u007f');
  });

  it('leaves ordinary text alone, CJK and accents included', () => {
    for (const text of ['Li Wei', '李伟', 'José Müller-Ørsted', 'O-2026/0001 (#3)'])
      expect(printable(text)).toBe(text);
  });

  it('leaves nothing a terminal obeys, whatever the input', () => {
    const every = Array.from({ length: 0x2100 }, (_, code) => String.fromCharCode(code)).join('');
    expect(printable(every)).not.toMatch(RAW);
    expect(printable(every)).not.toContain('\n');
  });
});

describe('terminalSafe', () => {
  it('keeps the newlines that lay out the output and escapes the rest', () => {
    expect(terminalSafe('row 1\r\u001b[2Krow 2\n')).toBe('row 1\\r\\x1b[2Krow 2\n');
  });

  it('keeps JSON valid and equal: what JSON.stringify leaves raw becomes a \\u escape', () => {
    const value = { name: 'A\u202eB\u0085C\u2028D\u001bE' };
    const safe = terminalSafe(JSON.stringify(value, null, 2));
    expect(safe).not.toMatch(RAW);
    expect(JSON.parse(safe)).toEqual(value);
  });
});
