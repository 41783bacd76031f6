import { app, dialog } from 'electron';
import type { MainLogger } from 'electron-log';
import { readFileSync } from 'node:fs';
import type { Language } from '../../shared/model/languages';
import { updateConfigPlaces, updateFeed, updateStep, type WriteTracker } from './update-policy';

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

const ASK = {
  en: {
    message: 'An update to Refund Console is ready.',
    detail: 'Restart now to install it? Work in progress is finished first.',
    buttons: ['Restart now', 'Later'],
  },
  zh: {
    message: 'Refund Console 的更新已就绪。',
    detail: '现在重启以安装吗？正在进行的写入会先完成。',
    buttons: ['现在重启', '稍后'],
  },
} as const;

/**
 * Looks for updates only on the server an administrator named (update-policy.ts): with no
 * config, electron-updater is not even loaded, so nothing is fetched, ever. A downloaded
 * update is installed when the user agrees, once no store write is under way.
 */
export async function startUpdates(options: {
  writes: WriteTracker;
  log: MainLogger;
  language: () => Language;
}): Promise<void> {
  const places = updateConfigPlaces(process.platform, process.env, app.getPath('userData'));
  const feed = updateFeed(places.map((file) => ({ file, text: readText(file) })));
  if (feed.kind === 'off') {
    options.log.info(`updates: ${feed.reason}`);
    return;
  }
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.logger = options.log;
  autoUpdater.autoDownload = true;
  // Installing at quit would bypass the check for writes under way.
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
  autoUpdater.on('error', (error) => options.log.warn('updates: check failed', error));
  autoUpdater.on('update-downloaded', async (info) => {
    const text = ASK[options.language()];
    const { response } = await dialog.showMessageBox({
      type: 'info',
      message: text.message,
      detail: `${info.version}\n${text.detail}`,
      buttons: [...text.buttons],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) return;
    // Re-checked after every wait: a write may start between one finishing and the restart.
    while (
      updateStep({ downloaded: true, writesInProgress: options.writes.inProgress }) === 'wait-for-writes'
    ) {
      await options.writes.idle();
    }
    options.log.info(`updates: installing ${info.version}`);
    autoUpdater.quitAndInstall();
  });
  options.log.info(`updates: checking ${feed.url}`);
  await autoUpdater.checkForUpdates();
}
