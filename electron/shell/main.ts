import { app, dialog, nativeTheme, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../shared/model/languages';
import { createHandlers } from '../api';
import { createBackup, getSettings, openStore, useNativeBinding, type CaseStore } from '../store';
import { createTeamSync } from '../team-sync';
import { aboutText } from './about-text';
import { registerFileDialogs } from './file-dialogs';
import { registerApi } from './ipc';
import { logRendererErrors, logsFolder, startLogging } from './logging';
import { developmentUserData, quitsWhenAllWindowsClosed } from './lifecycle';
import { installMenu, installProblemMenu } from './menu';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc/menu-commands';
import { themeOfCommand, type MenuOptions } from './menu-template';
import { sqliteBindingPath } from './native-binding';
import { permissionGranted } from './permissions';
import { printHtmlToPdf } from './print-pdf';
import { registerAppScheme, serveRenderer } from './protocol';
import { quitAfterWork } from './quit';
import { recoverFromCrashes } from './recovery';
import { dataUrl, languageFromLocale, storeProblemPage } from './store-problem-page';
import { keychainCredentials } from './team-credentials';
import { startUpdates } from './updates';
import { WriteTracker } from './update-policy';
import { createMainWindow, createProblemWindow, lockDownContents } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_ROOT = path.join(here, '..', 'renderer');
const PRELOAD = path.join(here, 'preload.cjs');

// Before anything reads the user-data folder (the single-instance lock, logs, the store).
if (!app.isPackaged) app.setPath('userData', developmentUserData(app.getPath('appData'), app.getName()));
const log = startLogging();
registerAppScheme();
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => {
  lockDownContents(contents);
  logRendererErrors(contents);
});

function openCaseStore(file: string): CaseStore {
  useNativeBinding(
    sqliteBindingPath({
      packaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
      electronVersion: process.versions.electron,
    }),
  );
  return openStore({ file });
}

/** The console, with its store, menu and updates. */
function runConsole(store: CaseStore): void {
  const writes = new WriteTracker();
  const windowState = path.join(app.getPath('userData'), 'window-state.json');
  let window = createMainWindow(PRELOAD, windowState);
  const settings = getSettings(store);
  const menu: MenuOptions = {
    language: settings.language,
    platform: process.platform,
    theme: settings.theme,
    development: !app.isPackaged,
  };
  nativeTheme.themeSource = settings.theme;
  const send = (command: MenuCommand) => {
    if (!window.isDestroyed()) window.webContents.send(MENU_COMMAND_CHANNEL, command);
  };
  const actions = {
    send(command: MenuCommand) {
      const theme = themeOfCommand(command);
      if (theme !== null) {
        // Native parts (dialogs, scrollbars, prefers-color-scheme) follow at once; the page is told too.
        menu.theme = theme;
        nativeTheme.themeSource = theme;
        installMenu(menu, actions);
      }
      send(command);
    },
    backupNow: () => void backUp(store, writes, menu.language),
    print: () => {
      if (!window.isDestroyed()) window.webContents.print();
    },
    openLogsFolder: () => void shell.openPath(logsFolder()),
    showAbout: () => void showAbout(store, menu.language),
  };
  installMenu(menu, actions);
  registerFileDialogs({
    window: () => window,
    language: () => menu.language,
    backupsFolder: store.backupDir,
    printHtmlToPdf,
    log,
  });
  // Syncs in the background when a team server is set; the console never waits for it.
  const credentials = keychainCredentials(app.getPath('userData'));
  const sync = createTeamSync({
    store,
    credentials,
    onRound: ({ ok, error }) => {
      if (!ok) log.warn(`team sync: ${error}`);
    },
  });
  sync.start();
  quitAfterWork(store, log, { writes, stopSync: () => sync.stop(), language: () => menu.language });
  // A background import writes after its call has answered: it is counted as a write too.
  registerApi(
    createHandlers(store, { trackWrite: (work) => writes.track(work), team: { sync, credentials } }),
    {
      writes,
      afterCall(method, result) {
        if (method !== 'settings.set' || !result.ok) return;
        // The menu's language and its theme check mark follow the Settings screen too.
        const { language, theme } = getSettings(store);
        if (language !== menu.language || theme !== menu.theme) {
          menu.language = language;
          menu.theme = theme;
          nativeTheme.themeSource = theme;
          installMenu(menu, actions);
        }
      },
    },
  );
  recoverFromCrashes(window, () => menu.language);
  // On macOS the app outlives its window: the Dock or a second launch opens a new one.
  const reopen = () => {
    if (!window.isDestroyed()) return;
    window = createMainWindow(PRELOAD, windowState);
    recoverFromCrashes(window, () => menu.language);
  };
  app.on('second-instance', () => {
    reopen();
    if (window.isMinimized()) window.restore();
    // Shown too: a window still waiting for its first paint would otherwise stay invisible.
    window.show();
    window.focus();
  });
  app.on('activate', reopen);
  startUpdates({ writes, log, language: () => menu.language }).catch((error: unknown) =>
    log.warn('updates: could not start', error),
  );
}

async function backUp(store: CaseStore, writes: WriteTracker, language: Language): Promise<void> {
  try {
    const backup = await writes.track(() => createBackup(store));
    log.info(`backup written: ${backup.file}`);
    await dialog.showMessageBox({
      type: 'info',
      message: language === 'zh' ? '备份已完成' : 'Backup written',
      detail: backup.file,
    });
  } catch (error) {
    log.error('backup failed', error);
    dialog.showErrorBox(
      language === 'zh' ? '备份失败' : 'Backup failed',
      String((error as Error).message ?? error),
    );
  }
}

async function showAbout(store: CaseStore, language: Language): Promise<void> {
  const sqlite = (store.sql('SELECT sqlite_version() AS version').get() as { version: string }).version;
  const about = aboutText(language, {
    app: app.getVersion(),
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    sqlite,
  });
  await dialog.showMessageBox({
    type: 'info',
    title: about.title,
    message: about.message,
    detail: about.detail,
    buttons: [about.ok],
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      permissionGranted({ permission, requestingUrl: details.requestingUrl, mainFrame: details.isMainFrame }),
    ),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionGranted({ permission, requestingUrl: requestingOrigin, mainFrame: details.isMainFrame }),
  );
  serveRenderer(RENDERER_ROOT);
  app.on('window-all-closed', () => {
    if (quitsWhenAllWindowsClosed(process.platform)) app.quit();
  });

  const storeFile = path.join(app.getPath('userData'), 'cases.sqlite');
  let store: CaseStore;
  try {
    store = openCaseStore(storeFile);
  } catch (error) {
    // Never a blank window: say what happened and what to do.
    log.error(`the case store ${storeFile} could not be opened`, error);
    const language = languageFromLocale(app.getLocale());
    const page = storeProblemPage({ error, storeFile, logsFolder: logsFolder(), language });
    // Our own menu before the window: Electron's default one offers Reload, developer tools and a website.
    installProblemMenu(
      { language, platform: process.platform },
      { openLogsFolder: () => void shell.openPath(logsFolder()) },
    );
    // Closing it quits on macOS too: there is no console to come back to.
    createProblemWindow(dataUrl(page)).on('closed', () => app.quit());
    return;
  }
  runConsole(store);
}

// A second copy hands over to the first (which comes to the front) and must do nothing else:
// opening the store or a window here would race the running instance for the same file.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    log.error('Refund Console could not start', error);
    dialog.showErrorBox('Refund Console could not start', String(error));
    app.exit(1);
  });
}
