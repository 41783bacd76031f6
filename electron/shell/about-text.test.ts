import { describe, expect, it } from 'vitest';
import { aboutText } from './about-text';

const versions = { app: '0.1.0', electron: '41.7.1', chrome: '146.0.1', node: '22.1.0', sqlite: '3.51.0' };

describe('About', () => {
  it('names the app version and every runtime version a support request needs', () => {
    const about = aboutText('en', versions);
    expect(about.message).toBe('Refund Console 0.1.0');
    expect(about.detail.split('\n')).toEqual([
      'Electron 41.7.1',
      'Chromium 146.0.1',
      'Node.js 22.1.0',
      'SQLite 3.51.0',
    ]);
  });

  it('is titled in Chinese for a Chinese console', () => {
    expect(aboutText('zh', versions)).toMatchObject({ title: '关于 Refund Console', ok: '确定' });
  });
});
