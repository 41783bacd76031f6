import { describe, expect, it } from 'vitest';
import { NewerDatabaseError, StoreDamagedError } from '../store';
import {
  dataUrl,
  languageFromLocale,
  rendererProblemPage,
  storeProblemKind,
  storeProblemPage,
} from './store-problem-page';

/** The store's lock refusal, by the name electron/store gives it. */
class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
}

const page = (error: unknown, language: 'en' | 'zh' = 'en') =>
  storeProblemPage({ error, storeFile: '/data/cases.sqlite', logsFolder: '/data/logs', language });

const damaged = new StoreDamagedError(
  '/data/cases.sqlite',
  'integrity check failed',
  '/data/backups/b1.sqlite',
);

describe('the page shown when the store cannot be opened', () => {
  it.each([
    [new StoreLockedError('in use by pid 42'), 'locked', 'in use by another program'],
    [damaged, 'damaged', 'is damaged'],
    [new NewerDatabaseError('/data/cases.sqlite', 9, 3), 'newer', 'written by a newer Refund Console'],
    [new Error('EACCES: permission denied'), 'unknown', 'could not be opened'],
    ['a thrown string', 'unknown', 'could not be opened'],
  ])('tells %s apart as %s and says what happened', (error, kind, title) => {
    expect(storeProblemKind(error)).toBe(kind);
    expect(page(error)).toContain(title);
  });

  it('carries the store’s own advice, the file and the logs folder', () => {
    const html = page(damaged);
    expect(html).toContain('refund-console restore /data/backups/b1.sqlite');
    expect(html).toContain('/data/cases.sqlite');
    expect(html).toContain('/data/logs');
    expect(html).toContain('Do not delete or move the file');
  });

  it('is in Chinese for a Chinese console', () => {
    const html = page(new StoreLockedError('x'), 'zh');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('案件库正被另一个程序使用');
    expect(html).not.toContain('in use by another program');
  });

  it('runs no script and shows text from the error as text', () => {
    const html = page(new Error('<img src=x onerror=alert(1)><script>alert(2)</script>'));
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain("default-src 'none'");
  });

  it('round-trips through a data: URL', () => {
    const html = page(damaged, 'zh');
    const url = dataUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(html);
  });

  it('follows the system language when the store cannot say', () => {
    expect(languageFromLocale('zh-CN')).toBe('zh');
    expect(languageFromLocale('zh-TW')).toBe('zh');
    expect(languageFromLocale('en-GB')).toBe('en');
    expect(languageFromLocale('de')).toBe('en');
  });
});

describe('the page shown when the console page keeps dying', () => {
  it('says what to do, where the logs are and why, in the agent’s language, with no script', () => {
    const en = rendererProblemPage('en', '/data/logs', 'crashed (exit code 139)');
    expect(en).toContain('Quit Refund Console and start it again');
    expect(en).toContain('/data/logs');
    expect(en).toContain('crashed (exit code 139)');
    expect(en).not.toMatch(/<script/i);
    expect(rendererProblemPage('zh', '/data/logs', 'oom')).toContain('请退出 Refund Console 后重新启动');
  });

  it('escapes what it shows', () => {
    expect(rendererProblemPage('en', '/data/<logs>', '<b>')).not.toContain('<b>');
  });
});
