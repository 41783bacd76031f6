import { describe, expect, it } from 'vitest';
import { copyText } from './copy';

describe('copying the reply', () => {
  it('says it copied when the clipboard took the text', async () => {
    const written: string[] = [];
    const clipboard = { writeText: async (text: string) => void written.push(text) };
    await expect(copyText(clipboard, 'Dear customer')).resolves.toBe('reply.copied');
    expect(written).toEqual(['Dear customer']);
  });

  it('says it did not copy when the clipboard refuses', async () => {
    const clipboard = {
      writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    };
    await expect(copyText(clipboard, 'Dear customer')).resolves.toBe('reply.copyFailed');
  });
});
