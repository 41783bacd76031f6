import { BrowserWindow } from 'electron';
import path from 'node:path';
import { APP_ENTRY, isAppUrl } from './app-origin';

/** The one console window, locked down per Electron's security checklist. */
export function createMainWindow(preloadFile: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Refund Console',
    webPreferences: {
      preload: path.resolve(preloadFile),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
      // A middle click would open a link in a new window, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}

/**
 * Applied to every web contents the app ever creates: no navigation away from the console, in
 * the top frame or any subframe, no new windows and no webviews. The console links to nothing
 * outside itself, so nothing is handed to the system browser either: an allow-list of one
 * would still be a door for whatever text a case carries.
 */
export function lockDownContents(contents: Electron.WebContents): void {
  const stayInside = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayInside(event, event.url));
  contents.on('will-frame-navigate', (event) => stayInside(event, event.url));
  contents.on('will-redirect', (event) => stayInside(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
