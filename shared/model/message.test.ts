import { describe, expect, it } from 'vitest';
import { senderName } from './message';

describe('the customer a message names', () => {
  it('is the From line’s display name, else its address', () => {
    expect(senderName('王磊 <wanglei@example.cn>')).toBe('王磊');
    expect(senderName('"Ann Lee" <ann@example.com>')).toBe('Ann Lee');
    expect(senderName('<li@example.com>')).toBe('li@example.com');
    expect(senderName('li@example.com')).toBe('li@example.com');
    expect(senderName(null)).toBe('');
  });
});
