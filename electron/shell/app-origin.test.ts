import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-origin';
import { resolveRendererFile } from '../host';

describe('what counts as the console', () => {
  it.each([
    ['app://console/index.html', true],
    ['app://console/assets/x.js?v=1#a', true],
    ['app://other/index.html', false],
    ['file:///etc/passwd', false],
    ['https://console/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('renderer files', () => {
  const root = path.resolve('/srv/renderer');
  it('maps / to the entry page and keeps paths inside the root', () => {
    expect(resolveRendererFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/a.js')).toBe(path.join(root, 'assets', 'a.js'));
  });

  it.each(['/../secret', '/%2e%2e/secret', '/assets/../../x', '/%E0%A4%A'])('refuses %s', (pathname) => {
    expect(resolveRendererFile(root, pathname)).toBeNull();
  });
});
