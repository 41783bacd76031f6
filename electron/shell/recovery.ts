import type { BrowserWindow } from 'electron';
import type { Language } from '../../shared/model/languages';
import { APP_ENTRY } from './app-origin';
import { rendererGoneStep } from './lifecycle';
import { logsFolder } from './logging';
import { dataUrl, rendererProblemPage } from './store-problem-page';

/**
 * When the console page's process dies (before its first paint too, when ready-to-show never
 * comes), the window is shown again with the console reloaded, or with a page saying what to
 * do when it keeps dying (lifecycle.ts rendererGoneStep): never an invisible app.
 */
export function recoverFromCrashes(window: BrowserWindow, language: () => Language): void {
  const crashes: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    const now = Date.now();
    crashes.push(now);
    const recent = crashes.filter((at) => now - at < 60_000).length;
    const step = rendererGoneStep(details.reason, recent);
    if (step === 'nothing' || window.isDestroyed()) return;
    const why = `${details.reason} (exit code ${details.exitCode})`;
    void window.loadURL(
      step === 'reload' ? APP_ENTRY : dataUrl(rendererProblemPage(language(), logsFolder(), why)),
    );
    window.show();
  });
}
