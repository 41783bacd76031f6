import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateConfigPlaces, updateFeed, updateStep, WriteTracker } from './update-policy';

const file = '/etc/refund-console/update-config.json';

describe('the update feed', () => {
  it('is off when no config file exists: the offline default fetches nothing', () => {
    expect(updateFeed([{ file, text: null }])).toEqual({
      kind: 'off',
      reason: 'no update config file: updates are off',
    });
    expect(updateFeed([])).toMatchObject({ kind: 'off' });
  });

  it('is the generic server the administrator names', () => {
    expect(updateFeed([{ file, text: '{"url":"https://updates.example.com/refund-console/"}' }])).toEqual({
      kind: 'generic',
      url: 'https://updates.example.com/refund-console/',
    });
  });

  it('takes the machine-wide file over the user’s own', () => {
    const feed = updateFeed([
      { file, text: '{"url":"https://it.example.com/rc/"}' },
      { file: '/home/ann/update-config.json', text: '{"url":"https://elsewhere.example.com/"}' },
    ]);
    expect(feed).toEqual({ kind: 'generic', url: 'https://it.example.com/rc/' });
  });

  it.each([
    ['{"url":""}', 'names no url'],
    ['{}', 'names no url'],
    ['null', 'names no url'],
    ['{"url":42}', 'url must be a string'],
    ['not json', 'is not JSON'],
    ['{"url":"updates"}', 'is not a URL'],
    ['{"url":"http://updates.example.com/"}', 'must be https'],
    ['{"url":"file:///tmp/evil/"}', 'must be https'],
  ])('is off, saying why, for %s', (text, reason) => {
    const feed = updateFeed([{ file, text }]);
    expect(feed.kind).toBe('off');
    expect(feed.kind === 'off' && feed.reason).toContain(reason);
  });

  it('is looked for machine-wide first, then in the user data folder', () => {
    expect(updateConfigPlaces('linux', {}, '/home/ann/.config/Refund Console')).toEqual([
      '/etc/refund-console/update-config.json',
      path.join('/home/ann/.config/Refund Console', 'update-config.json'),
    ]);
    expect(updateConfigPlaces('win32', { ProgramData: 'D:\\PD' }, 'u')[0]).toBe(
      'D:\\PD\\Refund Console\\update-config.json',
    );
    expect(updateConfigPlaces('darwin', {}, 'u')[0]).toBe(
      '/Library/Application Support/Refund Console/update-config.json',
    );
  });
});

describe('applying an update', () => {
  it('never happens while a write is under way', () => {
    expect(updateStep({ downloaded: true, writesInProgress: true })).toBe('wait-for-writes');
    expect(updateStep({ downloaded: true, writesInProgress: false })).toBe('install-now');
    expect(updateStep({ downloaded: false, writesInProgress: false })).toBe('nothing-to-install');
  });

  it('waits for the writes under way to finish, failed ones included', async () => {
    const writes = new WriteTracker();
    let finish!: () => void;
    const slow = writes.track(() => new Promise<void>((resolve) => (finish = resolve)));
    const failing = writes.track(() => Promise.reject(new Error('disk full')));
    expect(writes.inProgress).toBe(true);
    let idle = false;
    const waited = writes.idle().then(() => (idle = true));
    await expect(failing).rejects.toThrow('disk full');
    await Promise.resolve();
    expect(idle).toBe(false);
    finish();
    await slow;
    await waited;
    expect(idle).toBe(true);
    expect(writes.inProgress).toBe(false);
    await expect(writes.idle()).resolves.toBeUndefined();
  });
});
