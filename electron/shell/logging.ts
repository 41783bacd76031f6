import { app, type WebContents } from 'electron';
import log from 'electron-log/main';
import path from 'node:path';

/** Where the log files go: a folder of their own in the user data folder ("Help → Open logs folder"). */
export const logsFolder = (): string => path.join(app.getPath('userData'), 'logs');

/**
 * Logs to <userData>/logs/main.log, rotated at 5 MB (the previous file is kept as
 * main.old.log), and catches what would otherwise be lost: uncaught errors and rejections in
 * the main process. electron-log's renderer bridge is not used (it would add a preload and
 * an IPC channel); the page's errors are read from its console by logRendererErrors.
 */
export function startLogging(): typeof log {
  log.transports.file.resolvePathFn = () => path.join(logsFolder(), 'main.log');
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.errorHandler.startCatching({ showDialog: false });
  log.info(`Refund Console ${app.getVersion()} starting (Electron ${process.versions.electron})`);
  return log;
}

/** The page's uncaught errors and console errors, and a renderer that died or hung. */
export function logRendererErrors(contents: WebContents): void {
  contents.on('console-message', (details) => {
    if (details.level === 'error') {
      log.error(`renderer: ${details.message} (${details.sourceId}:${details.lineNumber})`);
    }
  });
  contents.on('preload-error', (_event, preloadPath, error) =>
    log.error(`preload ${preloadPath} failed:`, error),
  );
  contents.on('render-process-gone', (_event, details) =>
    log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`),
  );
  contents.on('unresponsive', () => log.warn('renderer unresponsive'));
}
