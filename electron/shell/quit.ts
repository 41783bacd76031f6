import { app, dialog } from 'electron';
import type { MainLogger } from 'electron-log';
import type { Language } from '../../shared/model/languages';
import type { CaseStore } from '../store';
import { finishBeforeQuit, QUIT_TEXT } from './lifecycle';
import type { WriteTracker } from './update-policy';

/** Telling the agent only when waiting is noticeable; never holding the app open for long. */
const TELL_AFTER_MS = 300;
const CAP_MS = 30_000;

/**
 * Quitting waits for the writes under way and the team sync (lifecycle.ts finishBeforeQuit),
 * with a "finishing…" notice when it takes a moment, and closes the store only then.
 */
export function quitAfterWork(
  store: CaseStore,
  log: MainLogger,
  work: { writes: WriteTracker; stopSync(): Promise<void>; language(): Language },
): void {
  let state: 'running' | 'finishing' | 'done' = 'running';
  const notice = new AbortController();
  const finish = (how: string): void => {
    if (state === 'done') return;
    state = 'done';
    notice.abort();
    log.info(`quitting: ${how}`);
    store.close();
    app.quit();
  };
  const tell = () => {
    const text = QUIT_TEXT[work.language()];
    void dialog
      .showMessageBox({
        type: 'info',
        message: text.message,
        detail: text.detail,
        buttons: [text.quitNow],
        signal: notice.signal,
      })
      .then(({ response }) => {
        // The agent chose not to wait: an unfinished write is rolled back by SQLite.
        if (response === 0 && !notice.signal.aborted) finish('cut off by the agent');
      });
    return () => notice.abort();
  };
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'finishing') return;
    state = 'finishing';
    void finishBeforeQuit(
      {
        writesIdle: () => work.writes.idle(),
        writesInProgress: () => work.writes.inProgress,
        stopSync: work.stopSync,
      },
      { tellAfterMs: TELL_AFTER_MS, capMs: CAP_MS, tell },
    ).then((outcome) =>
      finish(outcome === 'finished' ? 'all work finished' : `cut off after ${CAP_MS / 1000} s`),
    );
  });
}
