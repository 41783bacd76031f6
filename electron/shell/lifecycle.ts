import path from 'node:path';
import type { Language } from '../../shared/model/languages';

/**
 * The app's life from start to quit, as decisions free of Electron so they are unit-tested:
 * main.ts does what these say.
 */

/** On macOS an app stays running with no window (the Dock reopens it); elsewhere it quits. */
export const quitsWhenAllWindowsClosed = (platform: NodeJS.Platform): boolean => platform !== 'darwin';

/**
 * `npm start` keeps its own user-data folder (store, lock, logs, window state) beside the
 * installed app's, so development never opens, locks or migrates the agent's real store.
 */
export const developmentUserData = (appData: string, appName: string): string =>
  path.join(appData, `${appName} (development)`);

export type QuitOutcome = 'finished' | 'cut-off';

export interface QuitWork {
  /** Resolves when no store write is under way (WriteTracker.idle). */
  writesIdle(): Promise<void>;
  /** Whether a write is under way (one may start while another ends). */
  writesInProgress(): boolean;
  /** Ends team sync, waiting for a round under way. */
  stopSync(): Promise<void>;
}

export interface QuitTiming {
  /** After this long the agent is told work is being finished. */
  tellAfterMs: number;
  /** After this long the app quits anyway (a hung write must not keep it open forever). */
  capMs: number;
  /** Shows the "finishing…" notice; returns a function that takes it away. */
  tell(): () => void;
}

/**
 * What quitting waits for: the writes under way (an import being staged, a backup) and the
 * team sync's round, then the store may close. Says so when it takes noticeably long, and
 * gives up at the cap.
 */
export async function finishBeforeQuit(work: QuitWork, timing: QuitTiming): Promise<QuitOutcome> {
  const timers: ReturnType<typeof setTimeout>[] = [];
  let untell: (() => void) | null = null;
  timers.push(setTimeout(() => (untell = timing.tell()), timing.tellAfterMs));
  const cap = new Promise<QuitOutcome>((resolve) =>
    timers.push(setTimeout(() => resolve('cut-off'), timing.capMs)),
  );
  const finish = (async (): Promise<QuitOutcome> => {
    while (work.writesInProgress()) await work.writesIdle();
    await work.stopSync();
    return 'finished';
  })();
  try {
    return await Promise.race([finish, cap]);
  } finally {
    for (const timer of timers) clearTimeout(timer);
    (untell as (() => void) | null)?.();
  }
}

export const QUIT_TEXT: Record<Language, { message: string; detail: string; quitNow: string }> = {
  en: {
    message: 'Finishing work in progress…',
    detail: 'Refund Console quits as soon as the import, backup or team sync under way is written.',
    quitNow: 'Quit now',
  },
  zh: {
    message: '正在完成进行中的工作…',
    detail: '正在写入的导入、备份或团队同步完成后，Refund Console 即会退出。',
    quitNow: '立即退出',
  },
};

/** How long the console window may take to paint before it is shown anyway. */
export const SHOW_AT_THE_LATEST_MS = 10_000;

export type RendererGoneStep = 'nothing' | 'reload' | 'recovery-page';

/**
 * What to do when the console page's process dies: a clean exit is the app quitting; a first
 * crash reloads the console; a crash again soon after shows a page saying what to do, so the
 * app is never an invisible window or a crash loop.
 */
export function rendererGoneStep(reason: string, crashesInLastMinute: number): RendererGoneStep {
  if (reason === 'clean-exit') return 'nothing';
  return crashesInLastMinute <= 1 ? 'reload' : 'recovery-page';
}
