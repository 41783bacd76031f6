import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  developmentUserData,
  finishBeforeQuit,
  quitsWhenAllWindowsClosed,
  rendererGoneStep,
  type QuitTiming,
} from './lifecycle';
import { WriteTracker } from './update-policy';

describe('closing the last window', () => {
  it('quits on Linux and Windows but not on macOS, where activate reopens the window', () => {
    expect(quitsWhenAllWindowsClosed('linux')).toBe(true);
    expect(quitsWhenAllWindowsClosed('win32')).toBe(true);
    expect(quitsWhenAllWindowsClosed('darwin')).toBe(false);
  });
});

describe('the development user-data folder', () => {
  it('is apart from the installed app’s, beside it', () => {
    const installed = '/home/agent/.config/Refund Console';
    const development = developmentUserData('/home/agent/.config', 'Refund Console');
    expect(development).not.toBe(installed);
    expect(development).toBe('/home/agent/.config/Refund Console (development)');
  });
});

describe('quitting', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const timing = (tell = vi.fn(() => vi.fn())): QuitTiming => ({ tellAfterMs: 300, capMs: 30_000, tell });
  const workOf = (writes: WriteTracker, stopSync = vi.fn(async () => {})) => ({
    writesIdle: () => writes.idle(),
    writesInProgress: () => writes.inProgress,
    stopSync,
  });

  it('waits for a write under way and for sync to stop, and says so while it waits', async () => {
    const writes = new WriteTracker();
    let endWrite!: () => void;
    const write = writes.track(() => new Promise<void>((resolve) => (endWrite = resolve)));
    const order: string[] = [];
    const untell = vi.fn(() => order.push('notice gone'));
    const tell = vi.fn(() => {
      order.push('told');
      return untell;
    });
    const stopSync = vi.fn(async () => {
      order.push('sync stopped');
    });
    const quitting = finishBeforeQuit(workOf(writes, stopSync), timing(tell));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(tell).toHaveBeenCalledOnce();
    expect(stopSync).not.toHaveBeenCalled();
    order.push('write ends');
    endWrite();
    await write;
    await expect(quitting).resolves.toBe('finished');
    expect(order).toEqual(['told', 'write ends', 'sync stopped', 'notice gone']);
  });

  it('quits at once, without a notice, when nothing is under way', async () => {
    const tell = vi.fn(() => vi.fn());
    await expect(finishBeforeQuit(workOf(new WriteTracker()), timing(tell))).resolves.toBe('finished');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(tell).not.toHaveBeenCalled();
  });

  it('gives up at the cap when a write never ends', async () => {
    const writes = new WriteTracker();
    void writes.track(() => new Promise<void>(() => {}));
    const quitting = finishBeforeQuit(workOf(writes), timing());
    await vi.advanceTimersByTimeAsync(30_000);
    await expect(quitting).resolves.toBe('cut-off');
  });
});

describe('a console page whose process died', () => {
  it('is reloaded after a first crash and replaced by a recovery page after a second', () => {
    expect(rendererGoneStep('crashed', 1)).toBe('reload');
    expect(rendererGoneStep('oom', 2)).toBe('recovery-page');
    expect(rendererGoneStep('launch-failed', 3)).toBe('recovery-page');
  });

  it('is left alone when it exited cleanly, as when the app quits', () => {
    expect(rendererGoneStep('clean-exit', 5)).toBe('nothing');
  });
});
