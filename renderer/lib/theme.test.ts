import { describe, expect, it } from 'vitest';
import { resolvedTheme } from './theme';

describe('the theme', () => {
  it('follows the system unless the agent picked light or dark', () => {
    expect(resolvedTheme('system', true)).toBe('dark');
    expect(resolvedTheme('system', false)).toBe('light');
    expect(resolvedTheme('light', true)).toBe('light');
    expect(resolvedTheme('dark', false)).toBe('dark');
  });
});
